package dev.encore.engine.referral;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

import dev.encore.engine.testsupport.EncoreIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** GET /api/v1/referrals/{code}: whose code it is, for support. */
class ReferralLookupApiTest extends EncoreIntegrationTest {

	@Autowired
	ReferralCodes codes;

	@Test
	void supportFindsTheCustomerOfACodeTypedInAnyCase() throws Exception {
		String customer = newCustomerId();
		String code = this.codes.codeFor(customer, "Ada");
		assertThat(this.codes.codeFor(customer, "Adaline")).as("kept once made").isEqualTo(code);

		this.mvc.perform(get("/api/v1/referrals/{code}", code.toLowerCase()).with(user("sam").roles("SUPPORT")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.code").value(code))
			.andExpect(jsonPath("$.customerId").value(customer))
			.andExpect(jsonPath("$.createdAt").value(START.toString()));
	}

	@Test
	void anUnknownCodeIsNotFoundAsAProblem() throws Exception {
		this.mvc.perform(get("/api/v1/referrals/{code}", "ADA-22222222"))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.title").value("Unknown referral code"));
	}

	@Test
	void marketersMayNotLookUpCustomersByCode() throws Exception {
		String code = this.codes.codeFor(newCustomerId(), "Ada");

		this.mvc.perform(get("/api/v1/referrals/{code}", code).with(user("max").roles("MARKETER")))
			.andExpect(status().isForbidden());
	}

}
