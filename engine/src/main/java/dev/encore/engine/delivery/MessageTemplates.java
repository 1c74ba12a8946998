package dev.encore.engine.delivery;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import liqp.Template;
import liqp.TemplateParser;

import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

import dev.encore.connectors.Channel;
import dev.encore.engine.channel.ChannelDescriptor;
import dev.encore.engine.channel.Channels;
import dev.encore.engine.channel.RenderedTemplate;
import dev.encore.engine.journey.TemplateCatalog;
import dev.encore.engine.journey.TemplateSource;

/**
 * Liquid message templates, {@code <id>/<channel>.<locale>}, in the version the
 * {@link TemplateCatalog} finds for the customer's journey version (decision 030). An
 * email template starts with a front-matter block holding its subject. The locale falls
 * back from the customer's ({@code zh-TW}) to its language ({@code zh}) to the shop
 * default. Data reaching HTML is escaped, so a customer's name cannot inject markup.
 */
@Component
class MessageTemplates {

	private static final String FRONT_MATTER = "---";

	/**
	 * Not Liqp's strict mode (it rejects absent values even in {@code if} and before
	 * {@code default}): {@link StrictVariables} checks every output before a render.
	 */
	private final TemplateParser parser = NoFileAccess.parser();

	private final TemplateCatalog catalog;

	private final String defaultLocale;

	/**
	 * Parsed templates per thread (parsing costs more than rendering); a few hundred per
	 * job-executor thread at most, the least recently used dropped first.
	 */
	private final ThreadLocal<Map<String, Template>> parsed = ThreadLocal
		.withInitial(() -> new java.util.LinkedHashMap<>(64, 0.75f, true) {
			@Override
			protected boolean removeEldestEntry(Map.Entry<String, Template> eldest) {
				return size() > 256;
			}
		});

	/**
	 * Fields every profile may have (identity, and each channel's address); absent ones
	 * are present as null.
	 */
	private final List<String> customerFields;

	MessageTemplates(TemplateCatalog catalog, DeliveryProperties delivery, Channels channels) {
		this.catalog = catalog;
		this.defaultLocale = delivery.defaultLocale();
		LinkedHashSet<String> fields = new LinkedHashSet<>(IDENTITY_FIELDS);
		channels.all().forEach((channel) -> fields.add(channel.recipientField()));
		this.customerFields = List.copyOf(fields);
	}

	static final List<String> IDENTITY_FIELDS = List.of("id", "firstName", "lastName", "locale", "timeZone",
			"birthday");

	static final List<String> CART_FIELDS = List.of("url", "currency", "total", "products");

	private Map<String, Object> withKnownFields(Map<String, Object> data) {
		Map<String, Object> complete = new java.util.HashMap<>(data);
		complete.put("customer", withKeys(data.get("customer"), this.customerFields));
		complete.put("cart", withKeys(data.get("cart"), CART_FIELDS));
		complete.put("settings", withKeys(data.get("settings"), List.of()));
		complete.put("journey", withKeys(data.get("journey"), List.of()));
		complete.put("event", withKeys(data.get("event"), List.of("name", "properties")));
		return complete;
	}

	private static Map<String, Object> withKeys(Object value, List<String> keys) {
		Map<String, Object> map = new java.util.HashMap<>();
		if (value instanceof Map<?, ?> given) {
			given.forEach((key, item) -> map.put(String.valueOf(key), item));
		}
		keys.forEach((key) -> map.putIfAbsent(key, null));
		return map;
	}

	/** Renders the channel's template, the newest version, in the way its format says. */
	RenderedTemplate render(ChannelDescriptor channel, String templateId, String locale, Map<String, Object> data) {
		return render(null, channel, templateId, locale, data);
	}

	/**
	 * Renders the channel's template as deployed with the journey version
	 * {@code deploymentId}.
	 */
	RenderedTemplate render(String deploymentId, ChannelDescriptor channel, String templateId, String locale,
			Map<String, Object> data) {
		return switch (channel.templateFormat()) {
			case HTML -> {
				RenderedEmail html = renderHtml(deploymentId, templateId, channel.channel(), locale, data);
				yield new RenderedTemplate(html.subject(), html.html(), html.text(), Map.of());
			}
			case TEXT -> {
				RenderedText text = renderText(deploymentId, templateId, channel.channel(), locale, data);
				yield new RenderedTemplate(null, null, text.text(), text.fields());
			}
			case JSON -> {
				String json = renderJson(deploymentId, templateId, channel.channel(), locale, data);
				yield new RenderedTemplate(null, null, json, JsonText.fields(json));
			}
		};
	}

	RenderedEmail renderEmail(String templateId, String locale, Map<String, Object> given) {
		return renderHtml(null, templateId, Channel.EMAIL, locale, given);
	}

	private RenderedEmail renderHtml(String deploymentId, String templateId, Channel channel, String locale,
			Map<String, Object> given) {
		Map<String, Object> data = withKnownFields(given);
		List<String> locales = fallbackChain(locale);
		ParsedSource source = find(deploymentId, templateId, channel, locales);
		try {
			String html = render(source.body(), data, escaped(data));
			String subject = render(source.frontMatter().getOrDefault("subject", ""), data, data).strip();
			return new RenderedEmail(subject, html, PlainText.fromHtml(html));
		}
		catch (RuntimeException ex) {
			throw new TemplateRenderException(templateId, channel.id(), ex);
		}
	}

	/**
	 * Renders an SMS or LINE template: the body as plain text, and each front-matter
	 * field (LINE cards: {@code title}, {@code image}, {@code coupon}, {@code button},
	 * {@code url}) rendered with the same data.
	 */
	RenderedText renderText(String templateId, Channel channel, String locale, Map<String, Object> given) {
		return renderText(null, templateId, channel, locale, given);
	}

	private RenderedText renderText(String deploymentId, String templateId, Channel channel, String locale,
			Map<String, Object> given) {
		Map<String, Object> data = withKnownFields(given);
		ParsedSource source = find(deploymentId, templateId, channel, fallbackChain(locale));
		try {
			Map<String, String> fields = new LinkedHashMap<>();
			source.frontMatter().forEach((key, value) -> fields.put(key, render(value, data, data).strip()));
			return new RenderedText(render(source.body(), data, data).strip(), fields);
		}
		catch (RuntimeException ex) {
			throw new TemplateRenderException(templateId, channel.id(), ex);
		}
	}

	/** Renders a JSON template with data escaped for JSON strings; it must parse. */
	private String renderJson(String deploymentId, String templateId, Channel channel, String locale,
			Map<String, Object> given) {
		Map<String, Object> data = withKnownFields(given);
		ParsedSource source = find(deploymentId, templateId, channel, fallbackChain(locale));
		try {
			String json = render(source.body(), data, JsonText.escape(data)).strip();
			JsonText.fields(json);
			return json;
		}
		catch (RuntimeException ex) {
			throw new TemplateRenderException(templateId, channel.id(), ex);
		}
	}

	/**
	 * Whether the template the customer would get (body or front matter) names the
	 * variable, so data that costs something to make is made only for the templates that
	 * show it.
	 */
	boolean mentions(String templateId, Channel channel, String locale, String variable) {
		return mentions(null, templateId, channel, locale, variable);
	}

	boolean mentions(String deploymentId, String templateId, Channel channel, String locale, String variable) {
		return source(deploymentId, templateId, channel, locale).map((found) -> found.source().contains(variable))
			.orElse(false);
	}

	/**
	 * The template the customer would get: the first locale of their fallback chain the
	 * version has.
	 */
	Optional<TemplateSource> source(String deploymentId, String templateId, Channel channel, String locale) {
		return fallbackChain(locale).stream()
			.map((candidate) -> this.catalog.find(deploymentId, templateId, channel.id(), candidate))
			.flatMap(Optional::stream)
			.findFirst();
	}

	private String render(String source, Map<String, Object> checkData, Map<String, Object> renderData) {
		String missing = StrictVariables.firstMissing(source, checkData);
		if (missing != null) {
			throw new MissingVariableException(missing);
		}
		return this.parsed.get().computeIfAbsent(source, this.parser::parse).render(renderData);
	}

	/** Renders template source given inline (previews of unsaved templates, tests). */
	String renderInline(String source, Map<String, Object> given) {
		try {
			Map<String, Object> data = withKnownFields(given);
			return render(source, data, data);
		}
		catch (RuntimeException ex) {
			throw new TemplateRenderException("inline", "text", ex);
		}
	}

	private ParsedSource find(String deploymentId, String templateId, Channel channel, List<String> locales) {
		return locales.stream()
			.map((candidate) -> this.catalog.find(deploymentId, templateId, channel.id(), candidate))
			.flatMap(Optional::stream)
			.findFirst()
			.map((found) -> parseSource(found.source()))
			.orElseThrow(() -> new TemplateNotFoundException(templateId, channel.id(), locales.toString()));
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

	/**
	 * Splits a {@code ---} front-matter block of {@code key: value} lines from the body.
	 */
	static ParsedSource parseSource(String source) {
		Map<String, String> fields = new LinkedHashMap<>();
		String body = source;
		if (source.startsWith(FRONT_MATTER)) {
			int end = source.indexOf("\n" + FRONT_MATTER, FRONT_MATTER.length());
			if (end > 0) {
				for (String line : source.substring(FRONT_MATTER.length(), end).split("\n")) {
					int colon = line.indexOf(':');
					if (colon > 0) {
						fields.put(line.substring(0, colon).strip(), unquote(line.substring(colon + 1).strip()));
					}
				}
				int next = source.indexOf('\n', end + 1);
				body = next < 0 ? "" : source.substring(next + 1);
			}
		}
		return new ParsedSource(fields, body);
	}

	private static String unquote(String value) {
		return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
				? value.substring(1, value.length() - 1) : value;
	}

	/** A deep copy of the data with every string HTML-escaped. */
	@SuppressWarnings("unchecked")
	static Object escape(Object value) {
		if (value instanceof String text) {
			return HtmlUtils.htmlEscape(text, StandardCharsets.UTF_8.name());
		}
		if (value instanceof Map<?, ?> map) {
			// HashMap: known fields may be null.
			Map<String, Object> copy = new java.util.HashMap<>();
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

	record ParsedSource(Map<String, String> frontMatter, String body) {
	}

	/** A rendered SMS or LINE message. */
	record RenderedText(String text, Map<String, String> fields) {
	}

}
