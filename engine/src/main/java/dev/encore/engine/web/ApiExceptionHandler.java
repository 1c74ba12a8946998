package dev.encore.engine.web;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.exceptions.JedisException;

import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.transaction.TransactionException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import dev.encore.engine.event.InvalidEventException;
import dev.encore.engine.intake.EventConflictException;
import dev.encore.engine.intake.PayloadTooLargeException;
import dev.encore.engine.intake.TransientFailure;
import dev.encore.engine.intake.WriteKeyException;

/**
 * Every API error as RFC 9457 problem+json. Validation problems name each offending field
 * in {@code errors}, so a storefront developer sees what to fix.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

	/**
	 * About as long as a connection pool or Redis client takes to notice a store is back.
	 */
	private static final String RETRY_AFTER_SECONDS = "5";

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
		PayloadTooLargeException tooLarge = causeOf(ex, PayloadTooLargeException.class);
		if (tooLarge != null) {
			return handleExceptionInternal(ex, tooLarge(tooLarge), headers, HttpStatus.PAYLOAD_TOO_LARGE, request);
		}
		GzipInputStream.MalformedGzipException notGzip = causeOf(ex, GzipInputStream.MalformedGzipException.class);
		if (notGzip != null) {
			problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, notGzip.getMessage());
			problem.setTitle("Malformed gzip");
			return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
		}
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

	@ExceptionHandler(PayloadTooLargeException.class)
	ResponseEntity<ProblemDetail> payloadTooLarge(PayloadTooLargeException ex) {
		return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(tooLarge(ex));
	}

	@ExceptionHandler(WriteKeyException.class)
	ResponseEntity<ProblemDetail> unauthorized(WriteKeyException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, ex.getMessage());
		problem.setTitle("Invalid write key");
		return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
			.header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"Encore\"")
			.body(problem);
	}

	/**
	 * The database or Redis out of reach is an outage to wait out (503), sorted by
	 * {@link TransientFailure}; any other failure of theirs is a fault (500), logged.
	 */
	@ExceptionHandler({ DataAccessException.class, TransactionException.class, JedisException.class,
			ProcessEngineException.class })
	ResponseEntity<ProblemDetail> storeFailure(RuntimeException ex) {
		if (!TransientFailure.isOutage(ex)) {
			log.error("Request failed", ex);
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
					"The request failed; see the server log.");
			problem.setTitle("Internal error");
			return ResponseEntity.internalServerError().body(problem);
		}
		log.warn("A store is unavailable: {}", ex.toString());
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
				"A store Encore needs (database or Redis) is unavailable; nothing was applied. Send it again.");
		problem.setTitle("Store unavailable");
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
			.body(problem);
	}

	private static ProblemDetail tooLarge(PayloadTooLargeException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE, ex.getMessage());
		problem.setTitle("Payload too large");
		return problem;
	}

	private static <T extends Throwable> T causeOf(Throwable ex, Class<T> type) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
			if (type.isInstance(cause)) {
				return type.cast(cause);
			}
		}
		return null;
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
