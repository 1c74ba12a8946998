package dev.encore.engine.delivery;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.repository.ProcessDefinition;

import dev.encore.engine.channel.ChannelDescriptor;
import dev.encore.engine.channel.Channels;

/**
 * One journey step trying to send.
 *
 * @param sendKey process instance + activity (+ loop counter): the same step always has
 * the same key, whatever the job attempt
 * @param templateId null when the channel has a message of its own and the step names no
 * template
 * @param subject what the customer would see first (email subject), null until rendered
 * @param preview the start of the plain-text body, so support sees what was sent
 * @param deploymentId the Camunda deployment of the journey version: its templates are
 * sent
 * @param templateVersion the version of the template sent (decision 030), null until
 * rendered
 */
record SendAttempt(String sendKey, String customerId, String journeyKey, String processInstanceId, String activityId,
		ChannelDescriptor channel, String templateId, String subject, String preview, String deploymentId,
		String templateVersion) {

	static final int PREVIEW_LENGTH = 2000;

	static final String CHANNEL = "channel";

	static final String TEMPLATE_ID = "templateId";

	/**
	 * The attempt of the send task the execution is at, from its element template's
	 * inputs.
	 */
	static SendAttempt of(DelegateExecution execution, Channels channels) {
		String channel = requiredInput(execution, CHANNEL);
		ChannelDescriptor descriptor = channels.get(channel);
		String templateId = descriptor.templateRequired() ? requiredInput(execution, TEMPLATE_ID)
				: optionalInput(execution, TEMPLATE_ID);
		// Not local: a send task inside a multi-instance subprocess sends once per
		// instance of it.
		Object loopCounter = execution.getVariable("loopCounter");
		String sendKey = execution.getProcessInstanceId() + ":" + execution.getCurrentActivityId()
				+ (loopCounter == null ? "" : ":" + loopCounter);
		ProcessDefinition definition = execution.getProcessEngineServices()
			.getRepositoryService()
			.getProcessDefinition(execution.getProcessDefinitionId());
		return new SendAttempt(sendKey, execution.getProcessBusinessKey(), definition.getKey(),
				execution.getProcessInstanceId(), execution.getCurrentActivityId(), descriptor, templateId, null, null,
				definition.getDeploymentId(), null);
	}

	private static String optionalInput(DelegateExecution execution, String name) {
		Object value = execution.getVariableLocal(name);
		return (value == null || value.toString().isBlank()) ? null : value.toString();
	}

	private static String requiredInput(DelegateExecution execution, String name) {
		Object value = execution.getVariableLocal(name);
		if (value == null || value.toString().isBlank()) {
			throw new IllegalStateException("Send task " + execution.getCurrentActivityId()
					+ " has no input parameter '" + name + "' (apply the Encore element template)");
		}
		return value.toString();
	}

	SendAttempt rendered(String renderedSubject, String text, String version) {
		return new SendAttempt(this.sendKey, this.customerId, this.journeyKey, this.processInstanceId, this.activityId,
				this.channel, this.templateId, renderedSubject,
				text.length() > PREVIEW_LENGTH ? text.substring(0, PREVIEW_LENGTH) : text, this.deploymentId, version);
	}

}
