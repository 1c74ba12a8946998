package dev.encore.engine.delivery;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import liqp.Template;
import liqp.TemplateParser;

import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

import dev.encore.connectors.Channel;
import dev.encore.engine.journey.JourneyProperties;

/**
 * Liquid message templates from
 * {@code journeys/templates/<id>/<channel>.<locale>.liquid}. An email template starts
 * with a front-matter block holding its subject. The locale falls back from the
 * customer's ({@code zh-TW}) to its language ({@code zh}) to the shop default. Data
 * reaching HTML is escaped, so a customer's name cannot inject markup.
 */
@Component
class MessageTemplates {

	private static final String FRONT_MATTER = "---";

	private final TemplateParser parser = new TemplateParser.Builder().build();

	private final ResourceLoader resources;

	private final String base;

	private final String defaultLocale;

	private final Map<String, Optional<EmailTemplate>> cache = new ConcurrentHashMap<>();

	MessageTemplates(ResourceLoader resources, JourneyProperties journeys, DeliveryProperties delivery) {
		this.resources = resources;
		String location = journeys.location().replace("classpath*:", "classpath:");
		this.base = (location.endsWith("/") ? location : location + "/") + "templates/";
		this.defaultLocale = delivery.defaultLocale();
	}

	RenderedEmail renderEmail(String templateId, String locale, Map<String, Object> data) {
		List<String> locales = fallbackChain(locale);
		EmailTemplate template = locales.stream()
			.map((candidate) -> load(templateId, Channel.EMAIL, candidate))
			.flatMap(Optional::stream)
			.findFirst()
			.orElseThrow(() -> new TemplateNotFoundException(templateId, Channel.EMAIL.id(), locales.toString()));
		String html = template.body().render(escaped(data));
		return new RenderedEmail(template.subject().render(data).strip(), html, PlainText.fromHtml(html));
	}

	List<String> fallbackChain(String locale) {
		LinkedHashSet<String> chain = new LinkedHashSet<>();
		if (locale != null && !locale.isBlank()) {
			Locale parsed = Locale.forLanguageTag(locale.replace('_', '-'));
			chain.add(parsed.toLanguageTag());
			chain.add(parsed.getLanguage());
		}
		chain.add(this.defaultLocale);
		chain.remove("");
		return new ArrayList<>(chain);
	}

	private Optional<EmailTemplate> load(String templateId, Channel channel, String locale) {
		String path = this.base + templateId + "/" + channel.id() + "." + locale + ".liquid";
		return this.cache.computeIfAbsent(path, (key) -> read(this.resources.getResource(key)).map(this::parseEmail));
	}

	private EmailTemplate parseEmail(String source) {
		String subject = "";
		String body = source;
		if (source.startsWith(FRONT_MATTER)) {
			int end = source.indexOf("\n" + FRONT_MATTER, FRONT_MATTER.length());
			if (end > 0) {
				for (String line : source.substring(FRONT_MATTER.length(), end).split("\n")) {
					if (line.startsWith("subject:")) {
						subject = unquote(line.substring("subject:".length()).strip());
					}
				}
				body = source.substring(source.indexOf('\n', end + 1) + 1);
			}
		}
		return new EmailTemplate(this.parser.parse(subject), this.parser.parse(body));
	}

	private static String unquote(String value) {
		return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
				? value.substring(1, value.length() - 1) : value;
	}

	private static Optional<String> read(Resource resource) {
		if (!resource.exists()) {
			return Optional.empty();
		}
		try (InputStream in = resource.getInputStream()) {
			return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot read template " + resource, ex);
		}
	}

	/** A deep copy of the data with every string HTML-escaped. */
	@SuppressWarnings("unchecked")
	static Object escape(Object value) {
		if (value instanceof String text) {
			return HtmlUtils.htmlEscape(text, StandardCharsets.UTF_8.name());
		}
		if (value instanceof Map<?, ?> map) {
			Map<String, Object> copy = new LinkedHashMap<>();
			map.forEach((key, item) -> copy.put(String.valueOf(key), escape(item)));
			return copy;
		}
		if (value instanceof List<?> list) {
			return list.stream().map(MessageTemplates::escape).toList();
		}
		return value;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> escaped(Map<String, Object> data) {
		return (Map<String, Object>) escape(data);
	}

	private record EmailTemplate(Template subject, Template body) {
	}

}
