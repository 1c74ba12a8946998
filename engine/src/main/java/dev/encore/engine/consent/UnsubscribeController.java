package dev.encore.engine.consent;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

import dev.encore.engine.delivery.UnsubscribeLinks;
import dev.encore.engine.delivery.UnsubscribeLinks.Subscription;
import dev.encore.engine.profile.ProfileStore;

/**
 * The unsubscribe link of every marketing email. No login: the signed token is the
 * permission. Mail clients use RFC 8058 one-click (a POST with
 * {@code List-Unsubscribe=One-Click}, answered 200 with no redirect); people opening the
 * link get a page asking to confirm, so that link scanners fetching it change nothing.
 */
@Controller
class UnsubscribeController {

	private static final Map<String, Map<String, String>> TEXT = Map.of("en",
			Map.of("lang", "en", "title", "Unsubscribe", "question",
					"Stop receiving marketing messages from us on this channel?", "button", "Unsubscribe", "done",
					"You are unsubscribed. You will still get messages about your orders.", "invalid",
					"This unsubscribe link is not valid."),
			"zh-TW", Map.of("lang", "zh-TW", "title", "取消訂閱", "question", "確定不再透過此管道收到我們的行銷訊息嗎？", "button", "取消訂閱",
					"done", "已為您取消訂閱。有關訂單的通知仍會照常寄送。", "invalid", "此取消訂閱連結無效。"));

	private final UnsubscribeLinks links;

	private final ConsentChanges changes;

	private final ProfileStore profiles;

	UnsubscribeController(UnsubscribeLinks links, ConsentChanges changes, ProfileStore profiles) {
		this.links = links;
		this.changes = changes;
		this.profiles = profiles;
	}

	@GetMapping("/unsubscribe/{token}")
	ModelAndView confirm(@PathVariable String token, HttpServletRequest request, Model model) {
		Optional<Subscription> subscription = this.links.verify(token);
		return page(subscription.isPresent() ? "confirm" : "invalid", token, subscription, request);
	}

	/** RFC 8058 one-click from a mail client: 200, no redirect, no page. */
	@PostMapping(path = "/unsubscribe/{token}", params = "List-Unsubscribe=One-Click")
	ResponseEntity<?> oneClick(@PathVariable String token) {
		Optional<Subscription> subscription = this.links.verify(token);
		if (subscription.isEmpty()) {
			return ResponseEntity.badRequest()
				.contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.body(ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
						"token is not a valid unsubscribe token"));
		}
		unsubscribe(subscription.get());
		return ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN).body("unsubscribed");
	}

	/** The confirmation page's button. */
	@PostMapping(path = "/unsubscribe/{token}", params = "confirm")
	ModelAndView confirmed(@PathVariable String token, @RequestParam String confirm, HttpServletRequest request) {
		Optional<Subscription> subscription = this.links.verify(token);
		subscription.ifPresent(this::unsubscribe);
		return page(subscription.isPresent() ? "done" : "invalid", token, subscription, request);
	}

	private void unsubscribe(Subscription subscription) {
		if (this.profiles.find(subscription.customerId()).isPresent()) {
			this.changes.apply(subscription.customerId(), Map.of(subscription.channel(), false),
					"unsubscribe_link:" + subscription.topic(), this.changes.now(), null);
		}
	}

	private ModelAndView page(String state, String token, Optional<Subscription> subscription,
			HttpServletRequest request) {
		ModelAndView page = new ModelAndView("unsubscribe");
		page.addObject("state", state);
		page.addObject("token", token);
		page.addObject("text", TEXT.get(language(subscription, request)));
		page.setStatus("invalid".equals(state) ? HttpStatus.BAD_REQUEST : HttpStatus.OK);
		return page;
	}

	/** The customer's own language if we know it, else the browser's. */
	private String language(Optional<Subscription> subscription, HttpServletRequest request) {
		String locale = subscription.flatMap((s) -> this.profiles.find(s.customerId()))
			.map((profile) -> profile.locale())
			.orElse(null);
		if (locale == null) {
			Locale browser = request.getLocale();
			locale = browser == null ? "en" : browser.toLanguageTag();
		}
		return locale.toLowerCase(Locale.ROOT).startsWith("zh") ? "zh-TW" : "en";
	}

}
