package org.callout.platform;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fields a refusal names, each with the message key a page shows at it: the services word their refusals
 * for API clients in English; a page speaks from its message files. A refusal naming no field goes to "form".
 * Shared by the console pages of every module.
 */
public final class FormErrors {

	private FormErrors() {
	}

	/** Field to message key ({@code prefix + field}, {@code .taken} for a conflict); {@code prefix + form} when none. */
	public static Map<String, String> of(RequestRefusedException refused, String prefix) {
		Map<String, String> errors = new LinkedHashMap<>();
		boolean conflict = refused.problem().getStatus() == 409;
		Object named = refused.problem().getProperties() == null ? null : refused.problem().getProperties().get("errors");
		if (named instanceof List<?> list) {
			for (Object each : list) {
				if (each instanceof FieldError error) {
					String field = error.field().contains(".") ? error.field().substring(0, error.field().indexOf('.')) : error.field();
					errors.putIfAbsent(field, prefix + field + (conflict ? ".taken" : ""));
				}
			}
		}
		if (errors.isEmpty()) {
			errors.put("form", prefix + (refused.problem().getStatus() == 404 ? "missing" : "form"));
		}
		return errors;
	}

}
