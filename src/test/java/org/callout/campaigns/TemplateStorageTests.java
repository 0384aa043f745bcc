package org.callout.campaigns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import org.callout.campaigns.internal.templates.CampaignTemplates;
import org.callout.campaigns.internal.templates.StoredVersion;
import org.callout.campaigns.internal.templates.TemplateVersion;
import org.callout.campaigns.internal.templates.TemplateVersion.Parts;
import org.callout.campaigns.internal.templates.TemplatesTestConfiguration;
import org.callout.mail.MailProperties;
import org.callout.platform.CalloutProperties;
import org.callout.platform.SupportedLanguages;
import org.callout.support.MutableClock;
import org.callout.support.TempDirectories;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.data.jdbc.test.autoconfigure.DataJdbcTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Template versions on a real database: numbered, append-only, deleted by a row of their own, pinned by copy. */
@DataJdbcTest(properties = { "callout.consent.texts.en=I agree.", "callout.consent.texts.es=Acepto.",
		"callout.mail.template-cache-ttl=0s",
		// The PostgreSQL server is shared by every test context (and, on CI, other builds): take few connections.
		"spring.datasource.hikari.maximum-pool-size=4" })
@Import({ TemplatesTestConfiguration.class, SupportedLanguages.class, TemplateStorageTests.Config.class })
// Not in a test transaction: on PostgreSQL a refused UPDATE aborts the transaction it ran in.
@Transactional(propagation = Propagation.NOT_SUPPORTED)
abstract class TemplateStorageTests {

	static final String TEXT = "Subject: Call today\nHi {{firstName}}\n{{unsubscribeUrl}} {{organization.postalAddress}}\n";

	static final String HTML = "<p>{{unsubscribeUrl}} {{organization.postalAddress}}</p>";

	static final Path TEMPLATES = templates();

	@TestConfiguration(proxyBeanMethods = false)
	@EnableConfigurationProperties({ CalloutProperties.class, MailProperties.class })
	static class Config {

		@Bean
		MutableClock clock() {
			return new MutableClock();
		}

	}

	@DynamicPropertySource
	static void templatesDir(DynamicPropertyRegistry registry) {
		registry.add("callout.templates-dir", TEMPLATES::toString);
	}

	@Autowired
	CampaignTemplates templates;

	@Autowired
	JdbcClient jdbc;

	private static Path templates() {
		try {
			Path dir = TempDirectories.create("callout-templates-");
			Files.createDirectories(dir.resolve("campaigns"));
			return dir;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static void writeFile(String name, String text) throws IOException {
		Files.writeString(TEMPLATES.resolve("campaigns/" + name + ".en.txt"), text);
		Files.writeString(TEMPLATES.resolve("campaigns/" + name + ".en.html"), HTML);
	}

	static Map<String, Parts> english(String text) {
		return Map.of("en", new Parts(text, HTML));
	}

	@Test
	void everySaveIsTheNextVersionAndOldOnesStayReadable() {
		int first = templates.save("numbered", english(TEXT)).version().version();
		int second = templates.save("numbered", english(TEXT.replace("Hi", "Hello"))).version().version();

		assertThat(first).isEqualTo(1);
		assertThat(second).isEqualTo(2);
		assertThat(templates.current("numbered")).get().extracting(TemplateVersion::version).isEqualTo(2);
		assertThat(templates.version("numbered", 1)).get().extracting(v -> v.languages().get("en").text()).isEqualTo(TEXT);
		assertThat(templates.versions("numbered")).extracting(StoredVersion::version).containsExactly(1, 2);
	}

	@Test
	void concurrentSavesOfOneTemplateEachGetTheirOwnNumber() throws Exception {
		try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
			List<Future<Integer>> saves = IntStream.range(0, 4)
				.mapToObj(i -> pool.submit(() -> templates.save("raced", english(TEXT + i)).version().version()))
				.toList();

			List<Integer> numbers = new ArrayList<>();
			for (Future<Integer> save : saves) {
				numbers.add(save.get());
			}
			assertThat(numbers).containsExactlyInAnyOrder(1, 2, 3, 4);
		}
	}

	@Test
	void aDeleteHidesTheOrganizerCopiesButNotTheirNumbers() {
		templates.save("hidden", english(TEXT));

		assertThat(templates.delete("hidden")).isTrue();
		assertThat(templates.delete("hidden")).isFalse();
		assertThat(templates.current("hidden")).isEmpty();
		assertThat(templates.version("hidden", 1)).isPresent();
		assertThat(templates.versions("hidden")).singleElement().extracting(StoredVersion::hidden).isEqualTo(true);
		assertThat(templates.save("hidden", english(TEXT)).version().version()).isEqualTo(2);
		assertThat(templates.current("hidden")).get().extracting(TemplateVersion::version).isEqualTo(2);
	}

	@Test
	void theFileDefaultIsVersionZeroAndAnOrganizerCopyOverridesIt() throws IOException {
		writeFile("filed", TEXT);

		assertThat(templates.current("filed")).get().extracting(TemplateVersion::version, TemplateVersion::origin)
			.containsExactly(0, "file");
		templates.save("filed", english(TEXT.replace("Hi", "Hey")));
		assertThat(templates.current("filed")).get().extracting(TemplateVersion::origin).isEqualTo("api");
		templates.delete("filed");
		assertThat(templates.current("filed")).get().extracting(TemplateVersion::version).isEqualTo(0);
	}

	@Test
	void aPinnedFileDefaultKeepsItsExactWordsAfterTheFileChanges() throws IOException {
		writeFile("pinned", TEXT);

		TemplateVersion pinned = templates.pin("pinned").orElseThrow();
		TemplateVersion again = templates.pin("pinned").orElseThrow();
		writeFile("pinned", TEXT.replace("Call today", "Changed"));

		assertThat(pinned.version()).isPositive();
		assertThat(pinned.origin()).isEqualTo("file");
		assertThat(again.version()).isEqualTo(pinned.version());
		assertThat(templates.version("pinned", pinned.version())).get()
			.extracting(v -> v.languages().get("en").text()).isEqualTo(TEXT);
		assertThat(templates.pin("pinned").orElseThrow().version()).isNotEqualTo(pinned.version());
		assertThat(templates.current("pinned")).get().extracting(TemplateVersion::version).isEqualTo(0);
	}

	@Test
	void aFileDefaultIsCheckedWhenReadBecauseFilesAreEditedByHand() throws IOException {
		writeFile("typo", TEXT.replace("{{firstName}}", "{{frstName}}"));

		assertThat(templates.problems(templates.current("typo").orElseThrow())).extracting(p -> p.name())
			.containsExactly("frstName");
		assertThat(templates.problems(templates.pin("typo").orElseThrow())).hasSize(1);
	}

	@Test
	void pinningAnOrganizerCopyReturnsItAsItIs() {
		int saved = templates.save("kept", english(TEXT)).version().version();

		assertThat(templates.pin("kept")).get().extracting(TemplateVersion::version).isEqualTo(saved);
		assertThat(templates.pin("nothing-here")).isEmpty();
	}

	@Test
	void theDatabaseRefusesToUpdateOrDeleteAVersion() {
		templates.save("evidence", english(TEXT));

		assertThatThrownBy(() -> jdbc.sql("UPDATE campaign_template_parts SET text_part = 'x' WHERE name = 'evidence'").update())
			.isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("append-only");
		assertThatThrownBy(() -> jdbc.sql("DELETE FROM campaign_template_versions WHERE name = 'evidence'").update())
			.isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("append-only");
		assertThatThrownBy(() -> jdbc.sql("DELETE FROM campaign_template_parts WHERE name = 'evidence'").update())
			.isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("append-only");
		assertThat(templates.version("evidence", 1)).get().extracting(v -> v.languages().get("en").text()).isEqualTo(TEXT);
	}

	@Test
	void theDatabaseRefusesToUndoADeletion() {
		templates.save("gone", english(TEXT));
		templates.delete("gone");

		assertThatThrownBy(() -> jdbc.sql("DELETE FROM campaign_template_deletions WHERE name = 'gone'").update())
			.isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("append-only");
		assertThat(templates.current("gone")).isEmpty();
	}

	@Test
	void crlfAndUnicodeComeBackExactly() {
		String text = "Subject: ¡Llamá hoy! 📞\r\nHola {{firstName}} — ñ\r\n{{unsubscribeUrl}} {{organization.postalAddress}}\r\n";

		int version = templates.save("exact", english(text)).version().version();

		assertThat(templates.version("exact", version)).get().extracting(v -> v.languages().get("en").text()).isEqualTo(text);
	}

}
