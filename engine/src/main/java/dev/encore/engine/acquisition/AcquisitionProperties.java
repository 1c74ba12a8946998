package dev.encore.engine.acquisition;

import java.time.Duration;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where customers come from ({@code encore.acquisition.*}); each default is written here
 * once.
 *
 * @param maxSources distinct sources counted per customer; visits from further sources
 * count under {@code other} (storefronts send anything)
 * @param maxLength longest source, medium, campaign, term, content or URL kept; longer
 * values are cut
 * @param visitGap a touch seen again within this time of the customer's last event with a
 * page is the same visit, counted once (Google Analytics' session timeout)
 * @param searchEngines referrer host names holding one of these labels are search
 * engines: {@code www.google.com.tw} is source {@code google}, medium {@code organic}
 */
@Validated
@ConfigurationProperties("encore.acquisition")
public record AcquisitionProperties(@DefaultValue("20") @Min(1) @Max(1000) int maxSources,
		@DefaultValue("200") @Min(20) @Max(500) int maxLength, @DefaultValue("PT30M") @NotNull Duration visitGap,
		@DefaultValue( {
				"google", "bing", "yahoo", "duckduckgo", "baidu", "yandex", "naver", "ecosia", "qwant", "seznam",
				"sogou", "daum", "startpage", "brave" }) List<String> searchEngines){

	public AcquisitionProperties {
		searchEngines = List.copyOf(searchEngines);
	}

}
