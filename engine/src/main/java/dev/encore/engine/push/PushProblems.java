package dev.encore.engine.push;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A registration refused, as problem+json naming the field, like every API error. */
final class PushProblems {

	private PushProblems() {
	}

	static ErrorResponseException invalid(HttpStatus status, String field, String message) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, field + " " + message);
		problem.setTitle(status == HttpStatus.UNPROCESSABLE_ENTITY ? "Push service not allowed" : "Invalid device");
		problem.setProperty("errors", List.of(Map.of("field", field, "message", message)));
		return new ErrorResponseException(status, problem, null);
	}

}
