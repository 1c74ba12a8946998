package dev.encore.engine.delivery;

import liqp.TemplateContext;
import liqp.TemplateParser;
import liqp.nodes.LNode;
import liqp.tags.Tag;

/**
 * Liquid's {@code include} tags read files from the server's disk (even
 * {@code /etc/passwd}). A message template gets the customer's data and nothing else, so
 * they are replaced by tags that refuse, and output and loops are bounded.
 */
final class NoFileAccess extends Tag {

	private NoFileAccess(String name) {
		super(name);
	}

	static TemplateParser parser() {
		return new TemplateParser.Builder().withTag(new NoFileAccess("include"))
			.withTag(new NoFileAccess("include_relative"))
			.withNameResolver((name) -> {
				throw new java.io.IOException("templates cannot read files");
			})
			.withMaxIterations(10_000)
			.withMaxSizeRenderedString(1_000_000)
			.build();
	}

	@Override
	public Object render(TemplateContext context, LNode... nodes) {
		throw new IllegalArgumentException("'" + getName() + "' is not allowed in message templates");
	}

}
