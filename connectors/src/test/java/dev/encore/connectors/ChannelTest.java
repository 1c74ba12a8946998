package dev.encore.connectors;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ChannelTest {

	@Test
	void aChannelIsItsIdSoANewOneNeedsNoConstantHere() {
		assertThat(Channel.of(" SMS ")).isEqualTo(Channel.SMS);
		assertThat(Channel.of("pigeon").id()).isEqualTo("pigeon");
		assertThat(Channel.LINE).hasToString("line");
	}

	@Test
	void anIdIsLowerCaseLettersDigitsAndDashes() {
		assertThatThrownBy(() -> new Channel("E mail")).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> Channel.of(null)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new Channel("")).isInstanceOf(IllegalArgumentException.class);
	}

}
