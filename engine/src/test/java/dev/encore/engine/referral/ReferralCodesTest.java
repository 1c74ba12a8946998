package dev.encore.engine.referral;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import dev.encore.engine.testsupport.EncoreIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** Codes as stored: kept once made, and a taken code moves on without harm. */
class ReferralCodesTest extends EncoreIntegrationTest {

	/** The same key as application-test.yml, to know a customer's first-choice code. */
	private final ReferralCodeFormat format = new ReferralCodeFormat(
			"test-referral-secret".getBytes(StandardCharsets.UTF_8), 8);

	@Autowired
	ReferralCodes codes;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void aCustomerGetsTheirFirstChoiceCodeOnceAndKeepsIt() {
		String customer = newCustomerId();

		String code = this.codes.codeFor(customer, "Ada");

		assertThat(code).isEqualTo(this.format.code(customer, "Ada", 0));
		assertThat(this.codes.codeFor(customer, "Beatrice")).isEqualTo(code);
		assertThat(this.codes.find(code)).get().extracting(ReferralCodes.Referral::customerId).isEqualTo(customer);
	}

	@Test
	void aCodeTakenByAnotherCustomerMovesOnWithoutSpoilingTheSendsTransaction() {
		String customer = newCustomerId();
		String taken = this.format.code(customer, "Ada", 0);
		this.jdbc.sql("INSERT INTO encore_referral_code (code, customer_id, created_at) VALUES (?, ?, ?)")
			.params(taken, "c-somebody-else", Timestamp.from(START))
			.update();

		// As in a send step: the code is made inside a transaction that goes on writing.
		String code = this.transactions.execute((status) -> {
			String made = this.codes.codeFor(customer, "Ada");
			this.jdbc.sql("UPDATE encore_referral_code SET created_at = created_at WHERE code = ?")
				.param(made)
				.update();
			return made;
		});

		assertThat(code).isNotEqualTo(taken).isEqualTo(this.format.code(customer, "Ada", 1));
		assertThat(this.codes.find(taken)).get()
			.extracting(ReferralCodes.Referral::customerId)
			.isEqualTo("c-somebody-else");
		assertThat(this.codes.find(code)).get().extracting(ReferralCodes.Referral::customerId).isEqualTo(customer);
	}

}
