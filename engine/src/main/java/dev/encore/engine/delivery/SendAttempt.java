package dev.encore.engine.delivery;

import dev.encore.connectors.Channel;

/**
 * One journey step trying to send.
 *
 * @param sendKey process instance + activity (+ loop counter): the same step always has
 * the same key, whatever the job attempt
 * @param subject what the customer would see first (email subject), null until rendered
 * @param preview the start of the plain-text body, so support sees what was sent
 */
record SendAttempt(String sendKey, String customerId, String journeyKey, String processInstanceId, String activityId,
		Channel channel, String templateId, String subject, String preview) {

	static final int PREVIEW_LENGTH = 2000;

	SendAttempt rendered(String renderedSubject, String text) {
		return new SendAttempt(this.sendKey, this.customerId, this.journeyKey, this.processInstanceId, this.activityId,
				this.channel, this.templateId, renderedSubject,
				text.length() > PREVIEW_LENGTH ? text.substring(0, PREVIEW_LENGTH) : text);
	}

}
