package dev.encore.engine.delivery;

import java.util.Map;

import org.springframework.stereotype.Component;

import dev.encore.engine.channel.ChannelDescriptor;
import dev.encore.engine.channel.Channels;
import dev.encore.engine.channel.RenderedTemplate;
import dev.encore.engine.journey.JourneyVersions;
import dev.encore.engine.journey.JourneyVersions.JourneyVersion;
import dev.encore.engine.journey.TemplateSource;
import dev.encore.engine.profile.CustomerProfile;
import dev.encore.engine.profile.ProfileStore;

/**
 * A template rendered as a step of the named journey version would render it for the
 * customer (or sample): that version's template and settings. Previews and test sends
 * both render here, so a test shows what the preview showed.
 */
@Component
class TemplatePreviews {

	private final MessageTemplates templates;

	private final TemplateData templateData;

	private final ProfileStore profiles;

	private final Channels channels;

	private final JourneyVersions journeys;

	TemplatePreviews(MessageTemplates templates, TemplateData templateData, ProfileStore profiles, Channels channels,
			JourneyVersions journeys) {
		this.templates = templates;
		this.templateData = templateData;
		this.profiles = profiles;
		this.channels = channels;
		this.journeys = journeys;
	}

	/**
	 * @param templateVersion the deployment whose template was rendered, or
	 * {@code classpath}
	 * @param journey null when the request named none
	 */
	record Preview(ChannelDescriptor channel, String locale, RenderedTemplate rendered, String templateVersion,
			JourneyVersion journey) {
	}

	Preview render(String templateId, PreviewRequest request) {
		ChannelDescriptor channel = this.channels.find(request.channel() == null ? "email" : request.channel())
			.orElseThrow(() -> new InvalidTemplateRequestException("channel",
					"unknown channel '" + request.channel() + "' (expected " + this.channels.describe() + ")"));
		Map<String, Object> customer = (request.customerId() != null)
				? this.profiles.find(request.customerId())
					.map(CustomerProfile::toTemplateData)
					.orElseThrow(() -> new InvalidTemplateRequestException("customerId", "no such customer"))
				: (request.profile() == null) ? Map.of() : request.profile();
		JourneyVersion journey = journey(request);
		String deploymentId = (journey == null) ? null : journey.deploymentId();
		String locale = (request.locale() != null) ? request.locale() : (String) customer.get("locale");
		Map<String, Object> data = this.templateData.forPreview(templateId, channel.channel(), locale, customer,
				request, journey);
		RenderedTemplate rendered = this.templates.render(deploymentId, channel, templateId, locale, data);
		String version = this.templates.source(deploymentId, templateId, channel.channel(), locale)
			.map(TemplateSource::version)
			.orElse(null);
		return new Preview(channel, locale, rendered, version, journey);
	}

	private JourneyVersion journey(PreviewRequest request) {
		if (request.journeyKey() == null) {
			if (request.journeyVersion() != null) {
				throw new InvalidTemplateRequestException("journeyKey", "a journey version needs the journey's key");
			}
			return null;
		}
		return this.journeys.find(request.journeyKey(), request.journeyVersion())
			.orElseThrow(() -> (request.journeyVersion() == null)
					? new InvalidTemplateRequestException("journeyKey",
							"no journey '" + request.journeyKey() + "' is deployed")
					: new InvalidTemplateRequestException("journeyVersion",
							"journey '" + request.journeyKey() + "' has no version " + request.journeyVersion()));
	}

}
