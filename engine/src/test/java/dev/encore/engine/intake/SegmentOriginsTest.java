package dev.encore.engine.intake;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * {@code encore.intake.segment.allowed-origins} holds origins only: a wildcard or a URL
 * with a path stops Encore at start-up instead of opening the Segment API wider.
 */
class SegmentOriginsTest {

	@ParameterizedTest
	@ValueSource(strings = { "*", "https://*.shop.example.com", "https://shop.example.com/cart", "shop.example.com",
			"ftp://shop.example.com", "https://user@shop.example.com", "https://shop.example.com?x" })
	void anythingButAnOriginIsRefused(String origin) {
		assertThatIllegalArgumentException().isThrownBy(() -> new IntakeProperties.Segment(List.of(), List.of(origin)))
			.withMessageContaining("encore.intake.segment.allowed-origins")
			.withMessageContaining(origin);
	}

	@ParameterizedTest
	@ValueSource(strings = { "https://shop.example.com", "https://shop.example.com/", "http://127.0.0.1:8081",
			" https://www.shop.example.com " })
	void originsAreKeptWithoutATrailingSlash(String origin) {
		assertThat(new IntakeProperties.Segment(List.of(), List.of(origin, "")).allowedOrigins()).singleElement()
			.satisfies((kept) -> assertThat(kept).isEqualTo(origin.trim().replaceAll("/$", "")).doesNotEndWith("/"));
	}

}
