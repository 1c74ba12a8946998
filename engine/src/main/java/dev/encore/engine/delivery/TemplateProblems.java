package dev.encore.engine.delivery;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Problem+json for previews and test sends, naming the field at fault: the missing
 * variable of a template that cannot be rendered, or the request's own field.
 */
@RestControllerAdvice(assignableTypes = { TemplatePreviewController.class, TestSendController.class })
class TemplateProblems {

	@ExceptionHandler(TemplateRenderException.class)
	ProblemDetail renderFailed(TemplateRenderException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
		problem.setTitle("Template cannot be rendered");
		if (ex.getCause() instanceof MissingVariableException missing) {
			problem.setProperty("errors", List.of(Map.of("field", missing.variable(), "message", "missing variable")));
		}
		return problem;
	}

	@ExceptionHandler(TemplateNotFoundException.class)
	ProblemDetail notFound(TemplateNotFoundException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage());
	}

	@ExceptionHandler(InvalidTemplateRequestException.class)
	ProblemDetail invalid(InvalidTemplateRequestException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
		problem.setTitle("Invalid request");
		problem.setProperty("errors",
				List.of(Map.of("field", ex.field(), "message", ex.getMessage().substring(ex.field().length() + 2))));
		return problem;
	}

}
