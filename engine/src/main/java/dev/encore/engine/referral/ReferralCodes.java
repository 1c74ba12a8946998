package dev.encore.engine.referral;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import dev.encore.engine.store.CustomerData;

/**
 * Each customer's personal referral code (table {@code encore_referral_code}), made the
 * first time a message needs it and then kept, so the code in an old email still leads
 * back to its customer after a change of name or secret. See docs/decisions/014.
 */
@Repository
public class ReferralCodes implements CustomerData {

	private static final Logger log = LoggerFactory.getLogger(ReferralCodes.class);

	/** Tries before giving up on a free code; a second is already rare (31^8 codes). */
	private static final int ATTEMPTS = 5;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final ReferralCodeFormat format;

	private final TransactionTemplate ownTransaction;

	ReferralCodes(JdbcClient jdbc, Clock clock, ReferralProperties properties,
			PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.format = new ReferralCodeFormat(secret(properties.secret()), properties.codeLength());
		// A taken code fails the insert; on PostgreSQL that would poison the send's own
		// transaction, so the code is made in a transaction of its own.
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/** A customer's referral, as support and the storefront look it up. */
	public record Referral(String code, String customerId, Instant createdAt) {
	}

	/** The customer's code, made now if they have none yet. */
	public String codeFor(String customerId, String firstName) {
		Optional<String> existing = codeOf(customerId);
		if (existing.isPresent()) {
			return existing.get();
		}
		for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
			String code = this.format.code(customerId, firstName, attempt);
			if (inserted(code, customerId)) {
				log.info("Referral code made for customer={}", customerId);
				return code;
			}
			// Either this customer got a code concurrently, or the code is another's.
			existing = codeOf(customerId);
			if (existing.isPresent()) {
				return existing.get();
			}
		}
		throw new IllegalStateException("No free referral code for customer " + customerId + " after " + ATTEMPTS
				+ " attempts; raise encore.referrals.code-length");
	}

	/**
	 * The code a preview shows: the customer's own if made, else the one they would get,
	 * without making it (a preview sends nothing).
	 */
	public String previewCodeFor(String customerId, String firstName) {
		return codeOf(customerId).orElseGet(() -> this.format.code(customerId, firstName, 0));
	}

	public Optional<Referral> find(String code) {
		return this.jdbc.sql("SELECT code, customer_id, created_at FROM encore_referral_code WHERE code = ?")
			.param(ReferralCodeFormat.normalised(code))
			.query((row, i) -> new Referral(row.getString(1), row.getString(2), row.getTimestamp(3).toInstant()))
			.optional();
	}

	/** Erasure deletes the customer's code: it then leads to nobody. */
	@Override
	public int erase(String customerId, String pseudonym) {
		return this.jdbc.sql("DELETE FROM encore_referral_code WHERE customer_id = ?").param(customerId).update();
	}

	private Optional<String> codeOf(String customerId) {
		return this.jdbc.sql("SELECT code FROM encore_referral_code WHERE customer_id = ?")
			.param(customerId)
			.query(String.class)
			.optional();
	}

	private boolean inserted(String code, String customerId) {
		try {
			this.ownTransaction.executeWithoutResult((status) -> this.jdbc
				.sql("INSERT INTO encore_referral_code (code, customer_id, created_at) VALUES (?, ?, ?)")
				.params(code, customerId, Timestamp.from(this.clock.instant()))
				.update());
			return true;
		}
		catch (DuplicateKeyException ex) {
			return false;
		}
	}

	private static byte[] secret(String configured) {
		if (configured == null || configured.isBlank()) {
			log.warn("encore.referrals.secret is not set: a random key is used until the next restart "
					+ "(codes already made keep working)");
			byte[] random = new byte[32];
			new SecureRandom().nextBytes(random);
			return random;
		}
		return configured.getBytes(StandardCharsets.UTF_8);
	}

}
