package dev.encore.engine.delivery;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.encore.connectors.PermanentDeliveryException;
import dev.encore.connectors.TransientDeliveryException;

/**
 * {@code POST /api/v1/templates/{id}/test-sends}: renders the template as the preview
 * does and sends it, marked {@code [TEST]}, to the marketer's own address through the
 * channel's real connector (decision 029).
 */
@RestController
@Tag(name = "Templates")
class TestSendController {

	private final TestSends testSends;

	TestSendController(TestSends testSends) {
		this.testSends = testSends;
	}

	@PostMapping("/api/v1/templates/{id}/test-sends")
	@ResponseStatus(HttpStatus.CREATED)
	TestSends.Sent send(@PathVariable String id, @RequestBody TestSendRequest request, Authentication who) {
		return this.testSends.send(id, request.to(), request.preview(), who.getName());
	}

	@ExceptionHandler(PermanentDeliveryException.class)
	ProblemDetail refused(PermanentDeliveryException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY,
				"The provider refused the test: " + ex.reason());
		problem.setTitle("Test not sent");
		problem.setProperty("errors", List.of(Map.of("field", "to", "message", ex.reason())));
		return problem;
	}

	@ExceptionHandler(TransientDeliveryException.class)
	ProblemDetail unavailable(TransientDeliveryException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
				"The provider cannot take the test now (" + ex.reason() + "); send it again.");
		problem.setTitle("Test not sent");
		return problem;
	}

	/**
	 * A preview request ({@link PreviewRequest}) and where to send it.
	 *
	 * @param to an email address, an E.164 phone number or a LINE user id, as the channel
	 * takes
	 */
	record TestSendRequest(String to, String channel, String locale, String customerId, Map<String, Object> profile,
			Map<String, Object> cart, Map<String, Object> event, Map<String, String> settings,
			Map<String, Object> journey, String journeyKey, Integer journeyVersion) {

		PreviewRequest preview() {
			return new PreviewRequest(this.channel, this.locale, this.customerId, this.profile, this.cart, this.event,
					this.settings, this.journey, this.journeyKey, this.journeyVersion);
		}

	}

}
