package dev.encore.engine.referral;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReferralCodeFormatTest {

	private final ReferralCodeFormat format = new ReferralCodeFormat("test-secret".getBytes(StandardCharsets.UTF_8), 8);

	@Test
	void aCodeIsTheFirstNameThenEightUnambiguousCharacters() {
		assertThat(this.format.code("c-1", "Ada", 0)).matches("ADA-[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{8}");
	}

	@Test
	void theSameCustomerAlwaysGetsTheSameCodeAndOthersADifferentOne() {
		assertThat(this.format.code("c-1", "Ada", 0)).isEqualTo(this.format.code("c-1", "Ada", 0))
			.isNotEqualTo(this.format.code("c-2", "Ada", 0))
			.isNotEqualTo(this.format.code("c-1", "Ada", 1));
	}

	@Test
	void theCodeDependsOnTheSecretSoIdsDoNotGiveCodesAway() {
		ReferralCodeFormat other = new ReferralCodeFormat("other-secret".getBytes(StandardCharsets.UTF_8), 8);
		assertThat(other.code("c-1", "Ada", 0)).isNotEqualTo(this.format.code("c-1", "Ada", 0));
	}

	@Test
	void thePrefixKeepsLettersAToZOnlyWithAccentsDroppedAndIsShort() {
		assertThat(ReferralCodeFormat.prefix("José")).isEqualTo("JOSE");
		assertThat(ReferralCodeFormat.prefix("Mary-Ann O'Neil")).isEqualTo("MARYAN");
		assertThat(ReferralCodeFormat.prefix("  zoë ")).isEqualTo("ZOE");
	}

	@Test
	void aNameWithoutLatinLettersOrNoNameGivesTheNeutralPrefix() {
		assertThat(ReferralCodeFormat.prefix("美玲")).isEqualTo("FRIEND");
		assertThat(ReferralCodeFormat.prefix("")).isEqualTo("FRIEND");
		assertThat(ReferralCodeFormat.prefix(null)).isEqualTo("FRIEND");
	}

	@Test
	void codeLengthIsConfigurable() {
		ReferralCodeFormat longer = new ReferralCodeFormat("test-secret".getBytes(StandardCharsets.UTF_8), 12);
		assertThat(longer.code("c-1", "Ada", 0)).matches("ADA-[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{12}");
	}

	@Test
	void theAlphabetHasNoLookAlikes() {
		assertThat(ReferralCodeFormat.ALPHABET).doesNotContain("0", "O", "1", "I", "L").hasSize(31);
	}

	@Test
	void aTypedCodeIsReadInAnyCase() {
		assertThat(ReferralCodeFormat.normalised(" ada-7k3q9pxm ")).isEqualTo("ADA-7K3Q9PXM");
	}

}
