package org.callout.signup.internal;

/**
 * One thing wrong with a submitted field.
 *
 * @param field the field's name
 * @param messageKey the message key, for pages in any language
 * @param message the message in English, for the API
 */
public record FieldProblem(String field, String messageKey, String message) {
}
