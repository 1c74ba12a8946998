package dev.encore.engine.analytics;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The loyalty dashboard; its figures come from {@code /api/v1/analytics/loyalty}. */
@Controller
class LoyaltyPageController {

	@GetMapping("/analytics/loyalty")
	String loyalty() {
		return "loyalty";
	}

}
