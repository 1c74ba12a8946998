package dev.encore.engine.support;

import java.util.List;

import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import dev.encore.engine.delivery.MessageLog;

/** What Encore sent, or tried to send, to one customer. */
@RestController
@Tag(name = "Support")
class CustomerMessagesController {

	private final MessageLog messageLog;

	CustomerMessagesController(MessageLog messageLog) {
		this.messageLog = messageLog;
	}

	@GetMapping("/api/v1/customers/{customerId}/messages")
	List<MessageLog.Entry> messages(@PathVariable String customerId) {
		return this.messageLog.forCustomer(customerId);
	}

}
