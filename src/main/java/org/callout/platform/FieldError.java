package org.callout.platform;

/**
 * One thing wrong with one field of a request, as API clients read it in a problem detail's {@code errors}.
 *
 * @param field the field's name, as the client sent it
 * @param message what is wrong, in words a developer can show
 */
public record FieldError(String field, String message) {
}
