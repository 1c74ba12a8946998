package dev.encore.engine.web;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import dev.encore.engine.intake.EventConflictException;
import dev.encore.engine.intake.InvalidEventException;

/**
 * Every API error as RFC 9457 problem+json. Validation problems name each offending field
 * in {@code errors}, so a storefront developer sees what to fix.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<FieldProblem> errors = ex.getBindingResult()
			.getFieldErrors()
			.stream()
			.map((error) -> new FieldProblem(error.getField(), error.getDefaultMessage()))
			.toList();
		ProblemDetail problem = invalid(errors);
		return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		ProblemDetail problem;
		if (ex.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
			String field = mapping.getPath()
				.stream()
				.map((ref) -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
				.collect(Collectors.joining("."))
				.replace(".[", "[");
			problem = invalid(List.of(new FieldProblem(field, wrongValue(mapping))));
		}
		else {
			problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The request body is not valid JSON");
			problem.setTitle("Malformed JSON");
		}
		return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
	}

	@ExceptionHandler(InvalidEventException.class)
	ProblemDetail invalidEvent(InvalidEventException ex) {
		return invalid(List.of(new FieldProblem(ex.field(), ex.getMessage().substring(ex.field().length() + 1))));
	}

	@ExceptionHandler(EventConflictException.class)
	ResponseEntity<ProblemDetail> conflict(EventConflictException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
				"The customer's journeys kept changing while the event was applied; nothing was applied. Send it again.");
		problem.setTitle("Busy customer");
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "1").body(problem);
	}

	private static String wrongValue(JsonMappingException mapping) {
		if (mapping instanceof ValueInstantiationException || mapping instanceof InvalidFormatException) {
			Throwable cause = mapping.getCause();
			return cause != null && cause.getMessage() != null ? cause.getMessage() : "has an invalid value";
		}
		return "has the wrong type";
	}

	private static ProblemDetail invalid(List<FieldProblem> errors) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				errors.stream()
					.map((error) -> error.field() + " " + error.message())
					.sorted()
					.collect(Collectors.joining("; ")));
		problem.setTitle("Invalid event");
		problem.setProperties(Map.of("errors", errors));
		return problem;
	}

	record FieldProblem(String field, String message) {
	}

}
