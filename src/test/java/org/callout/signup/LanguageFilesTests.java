package org.callout.signup;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** Every supporter-facing text exists in every shipped language. */
class LanguageFilesTests {

	private static final Path RESOURCES = Path.of("src/main/resources");

	/** Every module bundle under i18n/ (legislators, console-templates, …): a new one is checked without a change here. */
	private static List<String> bundles() throws IOException {
		try (Stream<Path> files = Files.list(RESOURCES.resolve("i18n"))) {
			List<String> bundles = files.map(p -> p.getFileName().toString())
				.filter(f -> f.endsWith(".properties") && !f.matches(".*_[a-z]{2}\\.properties"))
				.map(f -> f.substring(0, f.length() - ".properties".length()))
				.sorted()
				.toList();
			assertThat(bundles).contains("legislators", "subscribers", "campaigns");
			return bundles;
		}
	}

	@Test
	void everyMessageKeyExistsInEnglishAndInSpanish() throws IOException {
		Set<String> english = keys(RESOURCES.resolve("messages.properties"));
		Set<String> spanish = keys(RESOURCES.resolve("messages_es.properties"));

		assertThat(english).isNotEmpty();
		assertThat(spanish).as("keys missing in Spanish").containsAll(english);
		assertThat(english).as("keys missing in English").containsAll(spanish);
	}

	@Test
	void everyKeyOfEachModulesOwnBundleExistsInEnglishAndInSpanish() throws IOException {
		for (String bundle : bundles()) {
			Set<String> english = keys(RESOURCES.resolve("i18n/" + bundle + ".properties"));
			Set<String> spanish = keys(RESOURCES.resolve("i18n/" + bundle + "_es.properties"));

			assertThat(english).as(bundle).isNotEmpty();
			assertThat(spanish).as("keys of %s missing in Spanish", bundle).containsAll(english);
			assertThat(english).as("keys of %s missing in English", bundle).containsAll(spanish);
		}
	}

	@Test
	void everyMessageKeyATemplateNamesExistsInEveryLanguage() throws IOException {
		// Templates read one message source made of the shared bundle and the modules' own (i18n/*).
		Set<String> english = keys(RESOURCES.resolve("messages.properties"));
		Set<String> spanish = keys(RESOURCES.resolve("messages_es.properties"));
		for (String bundle : bundles()) {
			english.addAll(keys(RESOURCES.resolve("i18n/" + bundle + ".properties")));
			spanish.addAll(keys(RESOURCES.resolve("i18n/" + bundle + "_es.properties")));
		}
		Set<String> used = new TreeSet<>();
		Pattern literalKey = Pattern.compile("#\\{([A-Za-z][A-Za-z0-9.-]*)[}(]");
		try (Stream<Path> templates = Files.walk(RESOURCES.resolve("templates"))) {
			for (Path template : templates.filter(p -> p.toString().endsWith(".html")).toList()) {
				Matcher matcher = literalKey.matcher(Files.readString(template));
				while (matcher.find()) {
					used.add(matcher.group(1));
				}
			}
		}

		assertThat(used).contains("join.headline", "confirm.button", "error.title", "reps.title", "unsubscribe.button");
		assertThat(english).as("keys templates use, in English").containsAll(used);
		assertThat(spanish).as("keys templates use, in Spanish").containsAll(used);
	}

	@Test
	void everyEmailTemplateExistsInEveryLanguageWithBothParts() throws IOException {
		Set<String> names = new TreeSet<>();
		try (Stream<Path> files = Files.list(Path.of("templates/mail"))) {
			files.map(p -> p.getFileName().toString()).forEach(f -> names.add(f.substring(0, f.indexOf('.'))));
		}

		assertThat(names).contains("confirm-subscription", "test-email", "unsubscribe-link");
		for (String name : names) {
			for (String language : new String[] { "en", "es" }) {
				for (String part : new String[] { "txt", "html" }) {
					Path file = Path.of("templates/mail", name + "." + language + "." + part);
					assertThat(file).as(file.toString()).exists();
				}
				assertThat(Files.readString(Path.of("templates/mail", name + "." + language + ".txt"))).startsWith("Subject: ");
			}
		}
	}

	private static Set<String> keys(Path file) throws IOException {
		Properties properties = new Properties();
		try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			properties.load(reader);
		}
		return new TreeSet<>(properties.stringPropertyNames());
	}


}
