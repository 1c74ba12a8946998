package dev.encore.engine.delivery;

import java.util.Set;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeVisitor;

/**
 * The plain-text alternative of an HTML email: block elements become lines, links keep
 * their target so text-only readers can still follow them.
 */
final class PlainText {

	private static final Set<String> BLOCKS = Set.of("p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6",
			"table", "ul", "ol", "hr", "section", "header", "footer");

	// Compiled once: String.replaceAll compiles its pattern on every call, here once per
	// text node of every email sent.
	private static final Pattern WHITESPACE = Pattern.compile("\\s+");

	private static final Pattern TRAILING_BLANKS = Pattern.compile("[ \\t]+\\n");

	private static final Pattern BLANK_LINES = Pattern.compile("\\n{3,}");

	private PlainText() {
	}

	static String fromHtml(String html) {
		StringBuilder text = new StringBuilder();
		Jsoup.parse(html).body().traverse(new NodeVisitor() {

			@Override
			public void head(Node node, int depth) {
				if (node instanceof TextNode textNode) {
					String chunk = WHITESPACE.matcher(textNode.text()).replaceAll(" ");
					if (!chunk.isBlank() || (!text.isEmpty() && text.charAt(text.length() - 1) != '\n')) {
						text.append(chunk);
					}
				}
				else if (node instanceof Element element && BLOCKS.contains(element.normalName())) {
					newLine(text);
				}
			}

			@Override
			public void tail(Node node, int depth) {
				if (node instanceof Element element) {
					if (element.normalName().equals("a") && element.hasAttr("href")
							&& !element.attr("href").equals(element.text())) {
						text.append(" (").append(element.attr("href")).append(')');
					}
					if (BLOCKS.contains(element.normalName())) {
						newLine(text);
					}
				}
			}
		});
		String lines = TRAILING_BLANKS.matcher(text).replaceAll("\n");
		return BLANK_LINES.matcher(lines).replaceAll("\n\n").strip() + "\n";
	}

	private static void newLine(StringBuilder text) {
		if (!text.isEmpty() && text.charAt(text.length() - 1) != '\n') {
			text.append('\n');
		}
	}

}
