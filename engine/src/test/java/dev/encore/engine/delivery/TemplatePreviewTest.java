package dev.encore.engine.delivery;

import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;

import dev.encore.engine.testsupport.EncoreIntegrationTest;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class TemplatePreviewTest extends EncoreIntegrationTest {

	private static final String SAMPLE = """
			{"channel":"%s","locale":"zh-TW","profile":{"firstName":"<b>小美</b>"},
			 "cart":{"url":"https://shop.example/cart","products":[{"name":"烏龍茶","quantity":2}]},
			 "settings":{"couponCode":"SAVE10"}}""";

	@Test
	void emailPreviewRendersForASampleProfileWithMarkupEscaped() throws Exception {
		this.mvc
			.perform(post("/api/v1/templates/cart-reminder/preview").contentType(MediaType.APPLICATION_JSON)
				.content(SAMPLE.formatted("email")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.subject").value("<b>小美</b>，您的購物車還在等您"))
			.andExpect(jsonPath("$.html", containsString("&lt;b&gt;小美")))
			.andExpect(jsonPath("$.html", not(containsString("<b>小美"))))
			.andExpect(jsonPath("$.html", containsString("烏龍茶")));
	}

	@Test
	void linePreviewShowsTheCardFields() throws Exception {
		this.mvc
			.perform(post("/api/v1/templates/cart-reminder/preview").contentType(MediaType.APPLICATION_JSON)
				.content(SAMPLE.formatted("line")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.fields.coupon").value("優惠碼：SAVE10"))
			.andExpect(jsonPath("$.fields.url").value("https://shop.example/cart"))
			.andExpect(jsonPath("$.text", containsString("1 件商品")));
	}

	@Test
	void missingVariableIsAProblemNamingIt() throws Exception {
		// The SMS template prints the cart's product count: a preview without products
		// names it.
		this.mvc.perform(post("/api/v1/templates/cart-reminder/preview").contentType(MediaType.APPLICATION_JSON)
			.content(
					"{\"channel\":\"sms\",\"locale\":\"en\",\"profile\":{\"firstName\":\"Ada\"},\"cart\":{\"products\":null}}"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[0].field").value("cart.products.size"));
	}

	@Test
	void unknownChannelIsABadRequest() throws Exception {
		this.mvc
			.perform(post("/api/v1/templates/cart-reminder/preview").contentType(MediaType.APPLICATION_JSON)
				.content("{\"channel\":\"fax\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("channel"));
	}

}
