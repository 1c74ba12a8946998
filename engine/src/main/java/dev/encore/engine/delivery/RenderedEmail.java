package dev.encore.engine.delivery;

/** An email template rendered for one customer. */
record RenderedEmail(String subject, String html, String text) {
}
