package dev.encore.connectors;

import java.util.Objects;

/**
 * A LINE push: a text message, or a Flex card when {@link #flex()} is set (the text is
 * then the card's alternative text shown in notifications).
 */
public record LineContent(String text, Flex flex) implements MessageContent {

	public LineContent {
		Objects.requireNonNull(text, "text");
		if (text.isBlank()) {
			throw new IllegalArgumentException("text must not be blank");
		}
	}

	public static LineContent text(String text) {
		return new LineContent(text, null);
	}

	/**
	 * A promotional card: image, title, an optional coupon code and a button to the shop.
	 *
	 * @param imageUrl https URL of the hero image, may be null
	 * @param couponCode shown under the title when not null
	 */
	public record Flex(String imageUrl, String title, String couponCode, String buttonLabel, String shopUrl) {

		public Flex {
			Objects.requireNonNull(title, "title");
			Objects.requireNonNull(buttonLabel, "buttonLabel");
			Objects.requireNonNull(shopUrl, "shopUrl");
		}

	}

}
