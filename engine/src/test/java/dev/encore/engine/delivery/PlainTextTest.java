package dev.encore.engine.delivery;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PlainTextTest {

	@Test
	void blocksBecomeLinesAndLinksKeepTheirTarget() {
		String html = "<h1>Hi Ada</h1><p>Your   cart\n waits.</p><p><a href=\"https://shop.example.com/cart\">Back to"
				+ " cart</a></p><ul><li>One</li><li>Two</li></ul>";

		assertThat(PlainText.fromHtml(html))
			.isEqualTo("Hi Ada\nYour cart waits.\nBack to cart (https://shop.example.com/cart)\nOne\nTwo\n");
	}

	@Test
	void noBlanksAtLineEnds() {
		assertThat(PlainText.fromHtml("<p>Thanks <br>for your order</p>")).isEqualTo("Thanks\nfor your order\n");
	}

}
