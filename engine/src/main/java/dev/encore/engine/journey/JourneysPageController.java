package dev.encore.engine.journey;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The marketer's journeys page: versions and settings from {@code GET /api/v1/journeys},
 * uploads to {@code POST /api/v1/journeys}.
 */
@Controller
class JourneysPageController {

	@GetMapping("/journeys")
	String journeys() {
		return "journeys";
	}

}
