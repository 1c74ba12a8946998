package dev.encore.engine.analytics;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The journey analytics page; its figures come from the analytics REST API. */
@Controller
class AnalyticsPageController {

	@GetMapping("/analytics")
	String analytics() {
		return "analytics";
	}

}
