package dev.encore.engine.push;

import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.encore.connectors.webpush.PushHosts;

/**
 * The storefront registers the browser's push subscription (its write key), after the
 * shopper allowed notifications: that permission is the {@code webpush} consent. A
 * subscription to a push service not on the allow list is refused (422).
 */
@RestController
@Tag(name = "Devices")
@RequestMapping("/api/v1/customers/{customerId}/push-subscriptions")
class PushSubscriptionController {

	private final PushRegistrations registrations;

	private final PushHosts hosts;

	PushSubscriptionController(PushRegistrations registrations, WebPushProperties properties) {
		this.registrations = registrations;
		this.hosts = properties.hosts();
	}

	/** {@code PushSubscription.toJSON()} as the browser gives it. */
	record Subscription(@NotBlank @Size(max = 2048) String endpoint, @NotNull @Valid Keys keys, Long expirationTime) {
	}

	record Keys(@NotBlank String p256dh, @NotBlank String auth) {
	}

	record Registered(String endpoint, Instant registeredAt) {
	}

	@Operation(summary = "Register a browser's push subscription (grants webpush consent)")
	@PostMapping
	ResponseEntity<Registered> register(@PathVariable String customerId, @Valid @RequestBody Subscription body,
			Principal caller) {
		if (!this.hosts.allows(body.endpoint())) {
			throw PushProblems.invalid(HttpStatus.UNPROCESSABLE_ENTITY, "endpoint",
					"is not at an allowed push service (encore.connectors.webpush.allowed-hosts)");
		}
		requireBytes("keys.p256dh", body.keys().p256dh(), 65);
		requireBytes("keys.auth", body.keys().auth(), 16);
		boolean added = this.registrations.register(customerId, WebPushChannel.ID, body.endpoint(),
				Map.of("p256dh", body.keys().p256dh(), "auth", body.keys().auth()),
				"push-subscription:" + caller.getName());
		Device device = find(customerId, body.endpoint());
		return ResponseEntity.status(added ? HttpStatus.CREATED : HttpStatus.OK)
			.body(new Registered(device.address(), device.registeredAt()));
	}

	@Operation(summary = "Remove a browser's push subscription (the last one withdraws webpush consent)")
	@DeleteMapping
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void remove(@PathVariable String customerId, @RequestParam String endpoint, Principal caller) {
		this.registrations.remove(customerId, WebPushChannel.ID, endpoint, "push-subscription:" + caller.getName());
	}

	@Operation(summary = "A customer's push subscriptions (support)")
	@GetMapping
	List<Registered> list(@PathVariable String customerId) {
		return this.registrations.of(customerId, WebPushChannel.ID)
			.stream()
			.map((device) -> new Registered(device.address(), device.registeredAt()))
			.toList();
	}

	private Device find(String customerId, String endpoint) {
		return this.registrations.of(customerId, WebPushChannel.ID)
			.stream()
			.filter((device) -> device.address().equals(endpoint))
			.findFirst()
			.orElseThrow();
	}

	/**
	 * A P-256 point and a 16-byte secret, base64url: anything else cannot be encrypted
	 * for.
	 */
	private static void requireBytes(String field, String value, int length) {
		byte[] bytes;
		try {
			bytes = Base64.getUrlDecoder().decode(value.strip().replace('+', '-').replace('/', '_').replace("=", ""));
		}
		catch (IllegalArgumentException ex) {
			throw PushProblems.invalid(HttpStatus.BAD_REQUEST, field, "is not base64url");
		}
		if (bytes.length != length) {
			throw PushProblems.invalid(HttpStatus.BAD_REQUEST, field, "must be " + length + " bytes");
		}
	}

}
