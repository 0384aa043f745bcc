package org.callout.campaigns.internal.templates;

/**
 * One campaign email as a supporter gets it.
 *
 * @param subject the subject line (supporter values in it reach a header: the mail composer strips CR/LF)
 * @param text the plain-text body, after the subject line
 * @param html the HTML body, every value escaped
 * @param language the language rendered: the one asked for, else the default language
 */
public record RenderedTemplate(String subject, String text, String html, String language) {
}
