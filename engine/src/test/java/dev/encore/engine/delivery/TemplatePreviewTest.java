package dev.encore.engine.delivery;

import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.encore.engine.testsupport.EncoreIntegrationTest;
import dev.encore.engine.testsupport.TestEvents;

import static org.assertj.core.api.Assertions.assertThat;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class TemplatePreviewTest extends EncoreIntegrationTest {

	@Autowired
	JdbcClient jdbc;

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
	void previewForARealCustomerShowsTheirReferralCodeWithoutMakingIt() throws Exception {
		String customer = newCustomerId();
		send(TestEvents.identify(customer, customer + "@example.org", "Ada")).andExpect(status().isAccepted());

		this.mvc
			.perform(post("/api/v1/templates/referral-invite/preview").contentType(MediaType.APPLICATION_JSON)
				.content("{\"customerId\":\"" + customer + "\",\"settings\":{\"friendDiscountPercent\":\"15\"}}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.html", matchesPattern("(?s).*ADA-[2-9A-Z]{8}.*")));
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM encore_referral_code WHERE customer_id = ?")
			.param(customer)
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void previewForARealCustomerWithAJourneyShowsTheJourneysSettingsAndTemplateVersion() throws Exception {
		String customer = newCustomerId();
		send(TestEvents.identify(customer, customer + "@example.org", "Ada")).andExpect(status().isAccepted());
		send(TestEvents.checkoutStarted(customer).withProduct("Linen shirt", 1, 49.0)).andExpect(status().isAccepted());
		ProcessDefinition cart = this.repository.createProcessDefinitionQuery()
			.processDefinitionKey("AbandonedCart")
			.latestVersion()
			.singleResult();

		// The cart journey's coupon comes from configuration in tests (Modeler says
		// COMEBACK10): the preview shows what the journey would send.
		this.mvc
			.perform(post("/api/v1/templates/cart-second-reminder/preview").contentType(MediaType.APPLICATION_JSON)
				.content("{\"customerId\":\"" + customer + "\",\"journeyKey\":\"AbandonedCart\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.html", containsString("<strong>FROM-CONFIG</strong>")))
			.andExpect(jsonPath("$.html", containsString("Linen shirt")))
			.andExpect(jsonPath("$.journey.version").value(cart.getVersion()))
			.andExpect(jsonPath("$.templateVersion").value(cart.getDeploymentId()));
		// Without a journey there are no settings: no coupon.
		this.mvc
			.perform(post("/api/v1/templates/cart-second-reminder/preview").contentType(MediaType.APPLICATION_JSON)
				.content("{\"customerId\":\"" + customer + "\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.html", not(containsString("Use code"))));
		// Settings given in the request win over the journey's.
		this.mvc
			.perform(post("/api/v1/templates/cart-second-reminder/preview").contentType(MediaType.APPLICATION_JSON)
				.content("{\"customerId\":\"" + customer
						+ "\",\"journeyKey\":\"AbandonedCart\",\"settings\":{\"couponCode\":\"TRY-ME\"}}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.html", containsString("<strong>TRY-ME</strong>")));
	}

	@Test
	void unknownJourneyOrVersionIsAProblemNamingTheField() throws Exception {
		this.mvc
			.perform(post("/api/v1/templates/cart-reminder/preview").contentType(MediaType.APPLICATION_JSON)
				.content("{\"journeyKey\":\"NoSuchJourney\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[0].field").value("journeyKey"));
		this.mvc
			.perform(post("/api/v1/templates/cart-reminder/preview").contentType(MediaType.APPLICATION_JSON)
				.content("{\"journeyKey\":\"AbandonedCart\",\"journeyVersion\":999}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("journeyVersion"));
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
