package dev.encore.engine.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.tags.Tag;
import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI description at {@code /v3/api-docs} (Swagger UI at
 * {@code /swagger-ui/index.html}), readable without a login: what Encore is, one tag per
 * purpose (each controller names its tag), and how each kind of caller authenticates.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiDocs {

	static final String BASIC = "basic";

	static final String BEARER = "bearer";

	static final String WRITE_KEY = "storefrontWriteKey";

	private static final Map<String, String> TAGS = tags();

	// Storefronts and providers authenticate otherwise than people and scripts.
	private static final Set<String> STOREFRONT = Set.of("Segment");

	private static final Set<String> UNAUTHENTICATED = Set.of("Intake", "Webhooks", "Tracking");

	// The storefront (its write key) or a person.
	private static final Set<String> STOREFRONT_OR_PEOPLE = Set.of("Devices", "Inbox");

	// What a storefront shows its shoppers; it reads with its write key.
	private static final String LOYALTY = "/api/v1/customers/{customerId}/loyalty";

	@Bean
	OpenAPI encoreApi(ObjectProvider<BuildProperties> build) {
		BuildProperties properties = build.getIfAvailable();
		return new OpenAPI()
			.info(new Info().title("Encore")
				.version(properties == null ? "development" : properties.getVersion())
				.description("""
						Marketing-automation journeys for online shops. Storefronts send events (Encore's \
						format or Segment's), support looks customers up and exits them from journeys, \
						marketers preview templates, deploy journeys and read analytics. People and scripts \
						use HTTP Basic (a login) or a bearer API token; such requests need no session and no \
						CSRF token. Storefronts use their Segment write key."""))
			.components(new Components().addSecuritySchemes(BASIC, scheme("basic", "A person's login"))
				.addSecuritySchemes(BEARER, scheme("bearer", "An API token (encore.access.api-tokens)"))
				.addSecuritySchemes(WRITE_KEY,
						scheme("basic", "The storefront's Segment write key as user name, no password")))
			.addSecurityItem(requirement(BASIC))
			.addSecurityItem(requirement(BEARER))
			.tags(TAGS.entrySet()
				.stream()
				.map((tag) -> new Tag().name(tag.getKey()).description(tag.getValue()))
				.toList());
	}

	/** Each operation says who may call it, by its tag. */
	@Bean
	OpenApiCustomizer securityByTag() {
		return (api) -> api.getPaths().forEach((name, path) -> path.readOperations().forEach((operation) -> {
			List<String> tags = operation.getTags() == null ? List.of() : operation.getTags();
			if (tags.stream().anyMatch(STOREFRONT::contains)) {
				operation.setSecurity(List.of(requirement(WRITE_KEY)));
			}
			else if (tags.stream().anyMatch(UNAUTHENTICATED::contains)) {
				operation.setSecurity(List.of());
			}
			else if (name.equals(LOYALTY) || tags.stream().anyMatch(STOREFRONT_OR_PEOPLE::contains)) {
				operation.setSecurity(List.of(requirement(WRITE_KEY), requirement(BASIC), requirement(BEARER)));
			}
		}));
	}

	private static SecurityRequirement requirement(String scheme) {
		return new SecurityRequirement().addList(scheme);
	}

	private static SecurityScheme scheme(String scheme, String description) {
		return new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme(scheme).description(description);
	}

	private static Map<String, String> tags() {
		Map<String, String> tags = new LinkedHashMap<>();
		tags.put("Intake", "Storefront events in Encore's format, one or a batch (no login)");
		tags.put("Segment", "Segment's HTTP Tracking API, for Segment and RudderStack libraries: "
				+ "/v1/track, /v1/identify, ... and analytics.js's short paths /v1/t, /v1/i, ...");
		tags.put("Customers", "Find a customer, read their profile, erase them");
		tags.put("Support", "A customer's journeys, messages and timeline; exit a journey by hand");
		tags.put("Consent", "Consents per channel and the suppression list");
		tags.put("Loyalty", "Tier, points and perks (the storefront reads them with its write key), referrals");
		tags.put("Journeys", "Deploy journeys with their templates (a login, an API token or the deploy token)");
		tags.put("Templates", "Preview a message template for a sample or a real customer");
		tags.put("Analytics", "Journey funnels, conversions and the diagram with counts");
		tags.put("Webhooks", "Provider callbacks (Twilio, LINE), checked by their signatures");
		tags.put("Devices", "Browsers (web push subscriptions) and app installs (FCM tokens) registered by the "
				+ "storefront with its write key");
		tags.put("Inbox", "A customer's on-site messages, read and marked seen by the storefront with its write key");
		tags.put("Tracking", "Open pixel and tracked links of Encore's email (signed, no login)");
		tags.put("Imports",
				"History (past events, an order export) that updates profiles and starts no journey (ADMIN)");
		return tags;
	}

}
