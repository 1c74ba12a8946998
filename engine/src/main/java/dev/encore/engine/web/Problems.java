package dev.encore.engine.web;

import java.io.IOException;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

/**
 * Problem+json written by the filters, which answer before Spring MVC's
 * {@link ApiExceptionHandler} is reached.
 */
final class Problems {

	private Problems() {
	}

	/**
	 * The rest of the body is not read, so the connection closes after the answer.
	 */
	static void write(HttpServletResponse response, ProblemDetail problem, ObjectMapper json) throws IOException {
		response.setStatus(problem.getStatus());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setHeader("Connection", "close");
		json.writeValue(response.getOutputStream(), problem);
		response.flushBuffer();
	}

}
