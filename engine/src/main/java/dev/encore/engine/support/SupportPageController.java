package dev.encore.engine.support;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The support page; it reads and acts only through the customer REST API. */
@Controller
class SupportPageController {

	@GetMapping("/support")
	String support() {
		return "support";
	}

}
