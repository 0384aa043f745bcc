package org.callout.campaigns.internal.templates;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.callout.campaigns.internal.templates.TemplateVersion.Parts;
import org.callout.platform.FieldError;
import org.callout.platform.RequestRefusedException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;

/**
 * Reads the body of {@code PUT /api/v1/templates/{name}}: {@code {"languages": {"en": {"text": …, "html": …}}}}.
 * Read here rather than bound to a record: a key sent twice (which Jackson would settle silently, last one wins)
 * and any key not documented are refused by name, so what is saved is exactly what the organizer sent.
 */
final class TemplateBody {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private TemplateBody() {
	}

	static Map<String, Parts> read(byte[] body) {
		if (body == null || new String(body, java.nio.charset.StandardCharsets.UTF_8).isBlank()) {
			throw RequestRefusedException.invalidField("Invalid template", "languages",
					"required: {\"languages\": {\"<language>\": {\"text\": \"Subject: …\", \"html\": \"…\"}}}");
		}
		JsonNode root;
		try {
			duplicates(body);
			root = JSON.readTree(body);
		}
		catch (JacksonException ex) {
			throw RequestRefusedException.of(HttpStatus.BAD_REQUEST, "Unreadable request body",
					"The body must be one JSON object (UTF-8) with the documented fields, each of the documented type.");
		}
		List<FieldError> errors = new ArrayList<>();
		Map<String, Parts> languages = new LinkedHashMap<>();
		if (root == null || !root.isObject()) {
			errors.add(new FieldError("languages", "the body must be a JSON object with 'languages'"));
		}
		else {
			root.propertyNames().stream().filter(key -> !key.equals("languages"))
				.forEach(key -> errors.add(new FieldError(key, "unknown field")));
			JsonNode all = root.get("languages");
			if (all == null || !all.isObject()) {
				errors.add(new FieldError("languages", "required: an object of languages, each with 'text' and 'html'"));
			}
			else {
				all.properties().forEach(entry -> language(entry.getKey(), entry.getValue(), languages, errors));
			}
		}
		if (!errors.isEmpty()) {
			throw RequestRefusedException.invalidFields("Invalid template", errors);
		}
		return languages;
	}

	private static void language(String language, JsonNode node, Map<String, Parts> languages, List<FieldError> errors) {
		String field = "languages." + language;
		if (!node.isObject()) {
			errors.add(new FieldError(field, "must be an object with 'text' and 'html'"));
			return;
		}
		node.propertyNames().stream().filter(key -> !key.equals("text") && !key.equals("html"))
			.forEach(key -> errors.add(new FieldError(field + "." + key, "unknown field: a language has 'text' and 'html'")));
		String text = part(node, "text", field, errors);
		String html = part(node, "html", field, errors);
		languages.put(language, new Parts(text, html));
	}

	private static String part(JsonNode node, String name, String field, List<FieldError> errors) {
		JsonNode value = node.get(name);
		if (value != null && !value.isString() && !value.isNull()) {
			errors.add(new FieldError(field + "." + name, "must be a string"));
			return null;
		}
		return value == null || value.isNull() ? null : value.asString();
	}

	/** An open object (or array) while scanning for duplicate keys: the keys seen, and the one being read. */
	private static final class Open {

		final Set<String> keys = new HashSet<>();

		String current;

	}

	/** Refuses a key sent twice in one object, naming it by its path. */
	private static void duplicates(byte[] body) {
		Deque<Open> open = new ArrayDeque<>();
		try (JsonParser parser = JSON.createParser(body)) {
			for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
				switch (token) {
					case START_OBJECT, START_ARRAY -> open.push(new Open());
					case END_OBJECT, END_ARRAY -> open.pop();
					case PROPERTY_NAME -> {
						Open object = open.peek();
						object.current = parser.currentName();
						if (!object.keys.add(object.current)) {
							List<String> path = new ArrayList<>();
							open.descendingIterator().forEachRemaining(o -> path.add(o.current == null ? "[]" : o.current));
							throw RequestRefusedException.invalidField("Invalid template", String.join(".", path),
									"sent twice: each key may appear once");
						}
					}
					default -> {
					}
				}
			}
		}
	}

}
