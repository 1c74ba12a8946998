package dev.encore.engine.channel;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import dev.encore.engine.testsupport.ChannelFixtures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ChannelsTest {

	private final Channels channels = ChannelFixtures.shipped();

	@Test
	void findsAChannelByItsIdInAnyCaseAndNamesTheKnownOnesOtherwise() {
		assertThat(this.channels.get("SMS").recipientField()).isEqualTo("phone");
		assertThat(this.channels.find("fax")).isEmpty();
		assertThatThrownBy(() -> this.channels.get("fax")).isInstanceOf(IllegalArgumentException.class)
			.hasMessage("Unknown channel 'fax' (expected email, sms or line)");
	}

	@Test
	void reachTriesLineThenSmsAndFallsBackToEmail() {
		assertThat(this.channels.byReach()).extracting(ChannelDescriptor::id).containsExactly("line", "sms", "email");
	}

	@Test
	void aChannelIsRegisteredOnce() {
		assertThatThrownBy(() -> Channels.of(new SmsChannel(), new SmsChannel()))
			.isInstanceOf(IllegalStateException.class);
	}

	@Test
	void eachShippedChannelHasTheElementTemplateItsDescriptorNames() throws IOException {
		Map<String, String> channelByTemplate = new HashMap<>();
		try (DirectoryStream<Path> files = Files
			.newDirectoryStream(Path.of("..", "journeys", ".camunda", "element-templates"), "*.json")) {
			for (Path file : files) {
				for (JsonNode template : new ObjectMapper().readTree(file.toFile())) {
					for (JsonNode property : template.path("properties")) {
						if ("channel".equals(property.path("binding").path("name").asText())) {
							channelByTemplate.put(template.path("id").asText(), property.path("value").asText());
						}
					}
				}
			}
		}
		for (ChannelDescriptor channel : this.channels.all()) {
			assertThat(channelByTemplate).as(channel.id()).containsEntry(channel.elementTemplateId(), channel.id());
		}
	}

}
