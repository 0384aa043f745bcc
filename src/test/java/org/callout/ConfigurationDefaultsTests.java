package org.callout;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** ./config/application.yml documents the editable settings; it must not change behaviour by being read. */
class ConfigurationDefaultsTests {

	@Test
	void everySettingInTheShippedConfigFileEqualsTheBuiltInDefault() throws IOException {
		Map<String, String> shipped = flatten(Path.of("config/application.yml"));
		Map<String, String> builtIn = flatten(Path.of("src/main/resources/application.yml"));

		assertThat(shipped).isNotEmpty();
		shipped.forEach((key, value) -> assertThat(builtIn).as("built-in default of %s", key).containsEntry(key, value));
	}

	@Test
	void theShippedConfigFileHoldsNoSecret() throws IOException {
		Map<String, String> shipped = flatten(Path.of("config/application.yml"));

		assertThat(shipped.keySet()).noneMatch(key -> key.contains("secret") || key.contains("password")
				|| key.contains("token") || key.endsWith("-key"));
	}

	private static Map<String, String> flatten(Path file) throws IOException {
		try (Reader reader = Files.newBufferedReader(file)) {
			Map<String, String> flat = new LinkedHashMap<>();
			flatten("", new Yaml().load(reader), flat);
			return flat;
		}
	}

	@SuppressWarnings("unchecked")
	private static void flatten(String prefix, Object node, Map<String, String> flat) {
		if (node instanceof Map<?, ?> map) {
			map.forEach((key, value) -> flatten(prefix.isEmpty() ? key.toString() : prefix + "." + key, value, flat));
		}
		else {
			flat.put(prefix, String.valueOf(node));
		}
	}

}
