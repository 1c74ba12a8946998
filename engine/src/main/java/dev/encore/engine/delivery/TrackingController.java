package dev.encore.engine.delivery;

import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import dev.encore.engine.event.CustomerEvent;
import dev.encore.engine.event.EventSink;
import dev.encore.engine.event.EventType;

/**
 * The public ends of tracked email ({@link EmailTracking}): the open pixel
 * ({@code GET /t/o/<token>}) emits {@code Email Opened} and answers a 1×1 GIF, a tracked
 * link ({@code GET /t/c/<token>}) emits {@code Email Link Clicked} and redirects to the
 * link's address. Both through the intake path, once per send (opens) or per send and
 * link (clicks): the event's id comes from the token. A token that is not Encore's own is
 * 404 and emits nothing.
 */
@RestController
@Tag(name = "Tracking")
class TrackingController {

	private static final Logger log = LoggerFactory.getLogger(TrackingController.class);

	/** The smallest transparent GIF. */
	private static final byte[] PIXEL = Base64.getDecoder()
		.decode("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7");

	private final TrackingLinks links;

	private final EventSink events;

	private final Clock clock;

	TrackingController(TrackingLinks links, EventSink events, Clock clock) {
		this.links = links;
		this.events = events;
		this.clock = clock;
	}

	@GetMapping("/t/o/{token}")
	ResponseEntity<byte[]> opened(@PathVariable String token) {
		Optional<TrackingLinks.Tracked> open = this.links.verify(token, TrackingLinks.Tracked.OPEN);
		if (open.isEmpty()) {
			return ResponseEntity.notFound().build();
		}
		emit("Email Opened", open.get());
		return ResponseEntity.ok()
			.contentType(MediaType.IMAGE_GIF)
			.cacheControl(CacheControl.noStore())
			.body(PIXEL.clone());
	}

	@GetMapping("/t/c/{token}")
	ResponseEntity<Void> clicked(@PathVariable String token) {
		Optional<TrackingLinks.Tracked> click = this.links.verify(token, TrackingLinks.Tracked.CLICK)
			.filter((tracked) -> web(tracked.url()));
		if (click.isEmpty()) {
			return ResponseEntity.notFound().build();
		}
		emit("Email Link Clicked", click.get());
		return ResponseEntity.status(HttpStatus.FOUND)
			.header(HttpHeaders.LOCATION, URI.create(click.get().url()).toASCIIString())
			.cacheControl(CacheControl.noStore())
			.build();
	}

	/**
	 * The customer gets the picture or the page even when the event cannot be applied
	 * now: a lost count costs less than a broken link.
	 */
	private void emit(String name, TrackingLinks.Tracked tracked) {
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("sendKey", tracked.sendKey());
		properties.put("journey", tracked.journey());
		if (!tracked.url().isEmpty()) {
			properties.put("url", tracked.url());
		}
		try {
			this.events.process(new CustomerEvent(eventId(tracked), EventType.TRACK, name, tracked.customerId(),
					this.clock.instant(), properties, Map.of(), "tracking"));
		}
		catch (RuntimeException ex) {
			log.warn("{} of customer={} in journey {} not recorded: {}", name, tracked.customerId(), tracked.journey(),
					ex.toString());
		}
	}

	/** Opens once per send; clicks once per send and link. */
	private static String eventId(TrackingLinks.Tracked tracked) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
				.digest(String.join("\n", tracked.sendKey(), tracked.url()).getBytes(StandardCharsets.UTF_8));
			return "email-" + (tracked.url().isEmpty() ? "open" : "click") + ":"
					+ Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static boolean web(String url) {
		try {
			URI uri = URI.create(url);
			return ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
					&& uri.getHost() != null;
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

}
