package dev.encore.engine.access;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** After login, each person lands on the page their role is for. */
@Controller
class HomeController {

	@GetMapping("/")
	String home(Authentication who) {
		boolean support = who.getAuthorities()
			.stream()
			.anyMatch((role) -> role.getAuthority().equals("ROLE_SUPPORT") || role.getAuthority().equals("ROLE_ADMIN"));
		return support ? "redirect:/support" : "redirect:/analytics";
	}

}
