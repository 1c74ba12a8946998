package dev.encore.engine.support;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import dev.encore.engine.channel.ChannelDescriptor;
import dev.encore.engine.channel.Channels;
import dev.encore.engine.profile.Consent;
import dev.encore.engine.profile.CustomerView;
import dev.encore.engine.profile.ProfileViews;

/**
 * What decides whether and when Encore may message a customer: their consent on every
 * registered channel, the sunset flag and the zone their local times are read in.
 */
@RestController
@Tag(name = "Support")
class CustomerReachController {

	private final ProfileViews views;

	private final Channels channels;

	private final CustomerZone zones;

	CustomerReachController(ProfileViews views, Channels channels, CustomerZone zones) {
		this.views = views;
		this.channels = channels;
		this.zones = zones;
	}

	@GetMapping("/api/v1/customers/{customerId}/reach")
	Reach reach(@PathVariable String customerId) {
		CustomerView view = this.views.find(customerId).orElseThrow(() -> unknown(customerId));
		CustomerZone.Zone zone = this.zones.of(customerId);
		// A channel that reaches no person (a webhook to the shop) asks for no consent.
		List<ChannelConsent> consents = this.channels.all()
			.stream()
			.filter(ChannelDescriptor::reachesPerson)
			.map((channel) -> consent(channel, view.consents().get(channel.consentKey())))
			.toList();
		return new Reach(consents, view.sunset(), view.sunsetSince(), zone.name(), zone.fromProfile());
	}

	private static ChannelConsent consent(ChannelDescriptor channel, Consent consent) {
		if (consent == null) {
			return new ChannelConsent(channel.id(), "not recorded", null, null);
		}
		return new ChannelConsent(channel.id(), consent.granted() ? "granted" : "withdrawn", consent.at(),
				consent.source());
	}

	private static ErrorResponseException unknown(String customerId) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
				"No customer with id " + customerId);
		problem.setTitle("Unknown customer");
		return new ErrorResponseException(HttpStatus.NOT_FOUND, problem, null);
	}

	/**
	 * @param status {@code granted}, {@code withdrawn} or {@code not recorded}
	 */
	record ChannelConsent(String channel, String status, Instant at, String source) {
	}

	/**
	 * @param timeZoneFromProfile false when the customer gave none and the shop's default
	 * zone stands in
	 */
	record Reach(List<ChannelConsent> consents, boolean sunset, Instant sunsetSince, String timeZone,
			boolean timeZoneFromProfile) {
	}

}
