package dev.encore.engine.webhook;

import java.time.Clock;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.encore.connectors.MessageSender;
import dev.encore.connectors.OutboundMessage;
import dev.encore.connectors.TransientDeliveryException;
import dev.encore.connectors.webhook.WebhookContent;
import dev.encore.connectors.webhook.WebhookSender;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WebhookConfigurationTest {

	@Test
	void withoutASecretAWebhookStepFailsAndRetriesInsteadOfPostingUnsigned() {
		MessageSender sender = new WebhookConfiguration()
			.webhookSender(new ShopWebhookProperties(" ", List.of("localhost"), null), Clock.systemUTC());

		assertThat(sender).isNotInstanceOf(WebhookSender.class);
		assertThat(sender.supports(WebhookSender.WEBHOOK)).isTrue();
		assertThatThrownBy(() -> sender.send(new OutboundMessage("pi-1:SendTaskNotifyShop", "c-1",
				WebhookSender.WEBHOOK, "http://localhost/hook", new WebhookContent("{}"))))
			.isInstanceOfSatisfying(TransientDeliveryException.class,
					(ex) -> assertThat(ex.reason()).isEqualTo("webhook_secret_missing"));
	}

	@Test
	void theSecretIsNeverPrinted() {
		assertThat(new ShopWebhookProperties("s3cr3t-value", List.of("erp.shop.example"), null).toString())
			.doesNotContain("s3cr3t-value")
			.contains("erp.shop.example");
	}

}
