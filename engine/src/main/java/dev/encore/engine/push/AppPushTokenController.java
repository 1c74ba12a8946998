package dev.encore.engine.push;

import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
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

/**
 * The shop's app registers its FCM token (the storefront's write key) once the shopper
 * allowed notifications: that permission is the {@code apppush} consent.
 */
@RestController
@Tag(name = "Devices")
@RequestMapping("/api/v1/customers/{customerId}/app-push-tokens")
class AppPushTokenController {

	private final PushRegistrations registrations;

	AppPushTokenController(PushRegistrations registrations) {
		this.registrations = registrations;
	}

	record Token(
			@NotBlank @Size(max = 4096) @Pattern(regexp = "\\S+", message = "must not contain spaces") String token,
			@Pattern(regexp = "android|ios|web", message = "must be android, ios or web") String platform) {
	}

	record Registered(String token, String platform, Instant registeredAt) {

		static Registered of(Device device) {
			return new Registered(device.address(), device.keys().get("platform"), device.registeredAt());
		}

	}

	@Operation(summary = "Register an app's FCM device token (grants apppush consent)")
	@PostMapping
	ResponseEntity<Registered> register(@PathVariable String customerId, @Valid @RequestBody Token body,
			Principal caller) {
		Map<String, String> keys = body.platform() == null ? Map.of() : Map.of("platform", body.platform());
		boolean added = this.registrations.register(customerId, AppPushChannel.ID, body.token(), keys,
				"app-push-token:" + caller.getName());
		Device device = this.registrations.of(customerId, AppPushChannel.ID)
			.stream()
			.filter((known) -> known.address().equals(body.token()))
			.findFirst()
			.orElseThrow();
		return ResponseEntity.status(added ? HttpStatus.CREATED : HttpStatus.OK).body(Registered.of(device));
	}

	@Operation(summary = "Remove an app's device token (the last one withdraws apppush consent)")
	@DeleteMapping
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void remove(@PathVariable String customerId, @RequestParam String token, Principal caller) {
		this.registrations.remove(customerId, AppPushChannel.ID, token, "app-push-token:" + caller.getName());
	}

	@Operation(summary = "A customer's app device tokens (support)")
	@GetMapping
	List<Registered> list(@PathVariable String customerId) {
		return this.registrations.of(customerId, AppPushChannel.ID).stream().map(Registered::of).toList();
	}

}
