package dev.encore.engine;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

import jakarta.validation.Validation;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.validation.ValidationBindHandler;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;

import dev.encore.engine.channel.ChannelDescriptor;
import dev.encore.engine.channel.ConsentMode;
import dev.encore.engine.testsupport.ChannelFixtures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Each {@code encore.*} default is written once, in its properties record: bound from an
 * empty environment, the records hold the defaults Encore has always shipped, and
 * application.yml only maps environment variables. A default changed by accident fails
 * here.
 */
class ConfigurationDefaultsTest {

	private static final Map<String, Class<?>> RECORDS = propertiesRecords();

	@Test
	void everyRecordBindsFromNothingAndPassesItsOwnValidation() {
		assertThat(RECORDS).hasSizeGreaterThanOrEqualTo(14);
		RECORDS.keySet().forEach((prefix) -> assertThat(defaults(prefix)).as(prefix).isNotNull());
	}

	@Test
	void intakeKeepsSegmentsLimitsAndAMonthOfHistory() {
		assertThat(defaults("encore.intake"))
			.extracting("maxAttempts", "maxEventSize", "maxBatchSize", "maxBatchItems", "futureTolerance",
					"dedupeWindow", "retention", "purgeScheduled", "purgeEvery")
			.containsExactly(5, DataSize.ofKilobytes(32), DataSize.ofKilobytes(500), 500, Duration.ofHours(24),
					Duration.ofDays(7), Duration.ofDays(30), true, Duration.ofHours(1));
		assertThat(defaults("encore.intake"))
			.extracting("segment.writeKeys", "segment.allowedOrigins", "kafka.topic", "kafka.deadLetterTopic",
					"kafka.concurrency", "kafka.attempts", "kafka.maxBackOff", "kafka.batch")
			.containsExactly(List.of(), List.of(), "encore.events", "encore.events.DLT", 2, 3, Duration.ofSeconds(30),
					100);
	}

	/**
	 * Consent modes and quiet hours default per channel, in its descriptor (written once
	 * there); the record holds only what an operator overrides.
	 */
	@Test
	void guardrailsAskConsentForSmsAndLineCapAndKeepQuietAtNight() {
		Object guardrails = defaults("encore.guardrails");
		assertThat(guardrails).extracting("consent", "quietHours", "whenCapped")
			.map(String::valueOf)
			.containsExactly("{}", "null", "SKIP");
		assertThat(ChannelFixtures.shipped().all())
			.extracting(ChannelDescriptor::id, (channel) -> channel.guardrails().consent(),
					(channel) -> channel.guardrails().quietHours())
			.containsExactly(tuple("email", ConsentMode.OPT_OUT, null), tuple("sms", ConsentMode.OPT_IN, "21:00-09:00"),
					tuple("line", ConsentMode.OPT_IN, "21:00-09:00"));
		assertThat(guardrails).extracting("caps")
			.asString()
			.isEqualTo("[CapRule[name=sms_per_day, channel=sms, max=1, days=1], "
					+ "CapRule[name=marketing_per_week, channel=any, max=3, days=7]]");
	}

	@Test
	void journeysRunAtRealSpeedFromTheClassPath() {
		assertThat(defaults("encore.journeys")).extracting("location", "timeScale", "settings", "defaultTimeZone")
			.containsExactly("classpath*:journeys/", 1.0, Map.of(), ZoneOffset.UTC);
		assertThat(defaults("encore.journeys.deploy")).extracting("token", "locales", "customEvents")
			.containsExactly("", List.of("en", "zh-TW"), List.of());
	}

	@Test
	void deliverySkipsWhatMayHaveBeenSentAndSignsUnsubscribeLinks() {
		assertThat(defaults("encore.delivery"))
			.extracting("defaultLocale", "email.from", "email.fromName", "sandbox.capacity", "unsubscribe.baseUrl",
					"unsubscribe.secret")
			.containsExactly("en", "shop@example.com", "Encore Shop", 10000,
					"https://shop.example.com/encore/unsubscribe", null);
		assertThat(defaults("encore.delivery")).extracting("unknownPolicy").hasToString("SKIP");
		// Blank base URL and timeout: the connectors' own defaults (SmsSettings,
		// LineSettings).
		assertThat(defaults("encore.connectors")).extracting("sms.timeout", "line.timeout", "line.baseUrl")
			.containsOnlyNulls();
	}

	@Test
	void profilesScanDailyForChurnAndHourlyForBirthdays() {
		Object profile = defaults("encore.profile");
		assertThat(profile)
			.extracting("lifecycle.loyalOrders", "lifecycle.loyalRevenue", "priceBands.mid", "priceBands.high",
					"rfm.recalibrate", "rfm.minCustomers")
			.map(String::valueOf)
			.containsExactly("3", "500", "50", "200", "false", "100");
		assertThat(profile)
			.extracting("churn.scheduled", "churn.checkEvery", "churn.intervalFactor", "churn.firstOrderInterval",
					"churn.engagementSilence", "churn.refundRate", "churn.refundMinOrders")
			.containsExactly(true, Duration.ofHours(1), 2.0, Duration.ofDays(60), Duration.ofDays(30), 0.3, 2);
		assertThat(defaults("encore.profile.birthday")).extracting("scheduled", "checkEvery")
			.containsExactly(true, Duration.ofMinutes(5));
	}

	@Test
	void loyaltyPointsLastAYearWithAMonthsReminderAndTiersHaveTheirPerks() {
		assertThat(defaults("encore.loyalty"))
			.extracting("scheduled", "checkEvery", "points.expireAfter", "points.remindBefore",
					"points.anniversaryBonus")
			.containsExactly(true, Duration.ofHours(1), Duration.ofDays(365), Duration.ofDays(30), 100);
		assertThat(defaults("encore.loyalty")).extracting("perks")
			.asString()
			.contains("member=Perks[freeShippingThreshold=null, earlyAccessHours=0, birthdayGiftPoints=0]",
					"silver=Perks[freeShippingThreshold=100, earlyAccessHours=0, birthdayGiftPoints=50]",
					"gold=Perks[freeShippingThreshold=50, earlyAccessHours=24, birthdayGiftPoints=100]",
					"vip=Perks[freeShippingThreshold=0, earlyAccessHours=48, birthdayGiftPoints=200]");
	}

	@Test
	void acquisitionKeepsTwentySourcesAndCountsAVisitPerHalfHour() {
		assertThat(defaults("encore.acquisition")).extracting("maxSources", "maxLength", "visitGap")
			.containsExactly(20, 200, Duration.ofMinutes(30));
		assertThat(defaults("encore.acquisition")).extracting("searchEngines")
			.asList()
			.contains("google", "bing", "yahoo", "duckduckgo", "baidu", "naver");
	}

	@Test
	void theRestIsOffOrLocalUntilConfigured() {
		assertThat(defaults("encore.redis")).extracting("url", "keyPrefix").containsExactly(null, "encore:");
		assertThat(defaults("encore.access")).extracting("users", "tryOut").containsExactly(List.of(), false);
		assertThat(defaults("encore.webhooks")).extracting("publicBaseUrl", "maxAge")
			.containsExactly("", Duration.ofSeconds(300));
		assertThat(defaults("encore.web")).extracting("maxBodySize").isEqualTo(DataSize.ofMegabytes(1));
		assertThat(defaults("encore.referrals")).extracting("secret", "codeLength").containsExactly("", 8);
		assertThat(defaults("encore.analytics")).extracting("minimumGroupSize").isEqualTo(100L);
	}

	@Test
	void pushIsOffUntilConfiguredAndKeepsANotificationADayForTheBrowsersPushServices() {
		assertThat(defaults("encore.connectors.webpush"))
			.extracting("privateKey", "allowedHosts", "ttl", "urgency", "timeout")
			.containsExactly(null, List.of(), Duration.ofDays(1), "normal", Duration.ofSeconds(10));
		assertThat(defaults("encore.connectors.apppush")).extracting("serviceAccount").isNull();
	}

	/**
	 * An empty default ({@code ${VAR:}}) maps a variable; anything else would be a second
	 * default.
	 */
	@Test
	void applicationYmlOnlyMapsEnvironmentVariablesIntoEncore() throws IOException {
		Pattern fromEnvironment = Pattern.compile("\\$\\{[A-Z0-9_]+:}");
		try (InputStream in = getClass().getResourceAsStream("/application.yml")) {
			Map<String, Object> yaml = new Yaml().load(in);
			List<String> values = new ArrayList<>();
			leaves("encore", yaml.get("encore"), values);
			assertThat(values).isNotEmpty()
				.allSatisfy((entry) -> assertThat(entry.substring(entry.indexOf('=') + 1)).as(entry)
					.matches(fromEnvironment));
		}
	}

	private static Object defaults(String prefix) {
		assertThat(RECORDS).containsKey(prefix);
		SpringValidatorAdapter validator = new SpringValidatorAdapter(
				Validation.buildDefaultValidatorFactory().getValidator());
		return new Binder(new MapConfigurationPropertySource()).bindOrCreate(prefix, Bindable.of(RECORDS.get(prefix)),
				new ValidationBindHandler(validator));
	}

	/** By prefix, found by scanning so the test follows a record that moves package. */
	private static Map<String, Class<?>> propertiesRecords() {
		ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
		scanner.addIncludeFilter(new AnnotationTypeFilter(ConfigurationProperties.class));
		Map<String, Class<?>> records = new TreeMap<>();
		scanner.findCandidateComponents("dev.encore.engine").forEach((definition) -> {
			Class<?> type = ClassUtils.resolveClassName(definition.getBeanClassName(), null);
			ConfigurationProperties annotation = type.getAnnotation(ConfigurationProperties.class);
			records.put(annotation.value().isEmpty() ? annotation.prefix() : annotation.value(), type);
		});
		return records;
	}

	private static void leaves(String path, Object node, List<String> values) {
		if (node instanceof Map<?, ?> map) {
			map.forEach((key, value) -> leaves(path + "." + key, value, values));
		}
		else {
			values.add(path + "=" + node);
		}
	}

}
