package dev.encore.engine.delivery;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.encore.connectors.Channel;

/** The suppression list for support: who must never be messaged again, and why. */
@RestController
@Tag(name = "Consent")
class SuppressionController {

	private final SuppressionList suppressions;

	SuppressionController(SuppressionList suppressions) {
		this.suppressions = suppressions;
	}

	@Operation(summary = "Addresses and numbers suppressed on a channel")
	@GetMapping("/api/v1/suppressions")
	List<SuppressionList.Entry> list(@RequestParam(defaultValue = "email") @RegisteredChannel String channel) {
		return this.suppressions.list(Channel.of(channel));
	}

	@Operation(summary = "Suppress an address or number (reason: hard_bounce, complaint or manual)")
	@PostMapping("/api/v1/suppressions")
	ResponseEntity<SuppressionList.Entry> add(@Valid @RequestBody SuppressionRequest request) {
		Channel channel = Channel.of(request.channel());
		this.suppressions.add(channel, request.address(), SuppressionList.Reason.fromId(request.reason()));
		return ResponseEntity.status(HttpStatus.CREATED)
			.body(this.suppressions.find(channel, request.address()).orElseThrow());
	}

	@Operation(summary = "Lift a suppression")
	@DeleteMapping("/api/v1/suppressions/{channel}/{address}")
	ResponseEntity<Void> remove(@PathVariable @RegisteredChannel String channel, @PathVariable String address) {
		return this.suppressions.remove(Channel.of(channel), address) ? ResponseEntity.noContent().build()
				: ResponseEntity.notFound().build();
	}

	record SuppressionRequest(@NotNull @RegisteredChannel String channel, @NotBlank @Size(max = 320) String address,
			@NotNull @Pattern(regexp = "hard_bounce|complaint|manual",
					message = "must be hard_bounce, complaint or manual") String reason) {
	}

}
