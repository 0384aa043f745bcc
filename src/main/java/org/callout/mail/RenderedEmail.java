package org.callout.mail;

/** An email template rendered for one recipient. */
public record RenderedEmail(String subject, String text, String html) {
}
