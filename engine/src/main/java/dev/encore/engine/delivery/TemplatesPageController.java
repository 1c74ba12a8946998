package dev.encore.engine.delivery;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The marketer's templates page: list, preview and test send, all through the templates
 * REST API.
 */
@Controller
class TemplatesPageController {

	@GetMapping("/templates")
	String templates() {
		return "templates";
	}

}
