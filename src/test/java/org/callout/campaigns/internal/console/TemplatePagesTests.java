package org.callout.campaigns.internal.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.callout.campaigns.CampaignFlowSupport;
import org.callout.support.ConsoleBrowserSupport;
import org.callout.support.ConsoleClient;
import org.callout.support.H2Database;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.util.HtmlUtils;

/** The console's template pages over real HTTP: saving and its audit entry, roles, kept words, errors, hostile words. */
@H2Database
class TemplatePagesTests extends CampaignFlowSupport {

	static final String DEFAULT = "call-your-legislator";

	ConsoleClient browser;

	String name;

	@BeforeEach
	void aTemplateOfThisTestsOwn() throws Exception {
		name = "console-" + UUID.randomUUID().toString().substring(0, 8);
		HttpResponse<String> saved = adminSend("PUT", "/api/v1/templates/" + name,
				json.writeValueAsString(Map.of("languages", Map.of("en", words("en"), "es", words("es")))));
		assertThat(saved.statusCode()).as(saved.body()).isEqualTo(201);
		browser = new ConsoleClient(base());
	}

	@Test
	void anOrganizerSavesTheTypedWordsAsANewVersionWithOneAuditEntryLikeTheApis() throws Exception {
		String organizer = signedIn("ORGANIZER");
		assertThat(browser.get("/console/templates/" + name).body()).contains("id=\"save\"");
		Map<String, String> form = form(Map.of("text-en", words("en").get("text").replace("Dear", "Hello")));
		form.put("action", "save");

		HttpResponse<String> saved = browser.post("/console/templates/" + name, form);

		assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
		assertThat(saved.headers().firstValue("Location").orElseThrow()).endsWith("/console/templates/" + name + "?saved=2");
		assertThat(json.readTree(admin("/api/v1/templates/" + name).body()).at("/languages/en/text").asString())
			.contains("Hello {{firstName}}").doesNotContain("\r");
		assertThat(jdbc.sql("SELECT actor || ' ' || channel || ' ' || outcome FROM audit_log WHERE action = 'template.edit' AND target = :t")
			.param("t", "template:" + name).query(String.class).list())
			.containsExactly("admin-token api ok", organizer + " console ok");
		assertThat(browser.get("/console/templates/" + name + "?saved=2").body()).contains("Saved as version 2.");
	}

	@Test
	void thePreviewShowsTheRealLegislatorsOfTheZipInEnglishAndSpanishSafely() throws Exception {
		signedIn("ORGANIZER");
		Person senator = person("upper", "46");
		Person member = person("lower", "109");
		int print = 7000 + Math.floorMod(name.hashCode(), 2000);
		trackBill("S" + print, "A" + print, List.of(), List.of(), "INTRODUCED", "S" + print);
		Map<String, String> form = form(Map.of("ask", "both"));
		form.put("action", "preview");

		String page = browser.post("/console/templates/" + name, form).body();

		assertThat(page).contains("id=\"preview-en\"", "id=\"preview-es\"", "Estimado/a", senator.name(), member.name(), member.capitolPhone());
		assertThat(page).containsPattern("<iframe sandbox=\"\" class=\"template-html\" id=\"html-preview-en\"[^>]* srcdoc=\"&lt;");
		assertThat(count("SELECT COUNT(*) FROM campaign_template_versions WHERE name = '" + name + "'")).isEqualTo(1);
		String live = browser.post("/console/templates/" + name + "/preview", form(Map.of("ask", "both"))).body();
		assertThat(live).startsWith("<section id=\"preview\"").contains(senator.name(), "Estimado/a").doesNotContain("<html");
	}

	@Test
	void aSyntaxErrorIsShownAtItsLineWithTheWordsKeptAndNothingSaved() throws Exception {
		signedIn("ORGANIZER");
		String broken = "Subject: Call today\n\nDear {{firstName}},\n{{#senator}}Call {{senator.name}}\n";
		Map<String, String> form = form(Map.of("text-en", broken.replace("\n", "\r\n"), "zip", "10027"));
		form.put("action", "save");

		HttpResponse<String> page = browser.post("/console/templates/" + name, form);

		assertThat(page.statusCode()).isEqualTo(400);
		assertThat(page.body()).contains("id=\"error-summary\"", "href=\"#text-en\"", "Text part, English, line 4:",
				"id=\"text-en-error\"", "Line 4: ", "<pre class=\"template-line\">{{#senator}}Call {{senator.name}}</pre>",
				"aria-describedby=\"text-en-error text-en-hint\"", "value=\"10027\"");
		assertThat(textarea(page.body(), "text-en")).isEqualTo(broken);
		assertThat(count("SELECT COUNT(*) FROM campaign_template_versions WHERE name = '" + name + "'")).isEqualTo(1);
	}

	@Test
	void hostileWordsAreShownAsTextInTheEditorAndNeverRun() throws Exception {
		signedIn("ORGANIZER");
		String subject = "Subject: <script>alert(1)</script> [[${7*7}]] __${T(java.lang.Runtime)}__";
		String english = words("en").get("text");
		String hostile = subject + english.substring(english.indexOf('\n')) + "<img src=x onerror=alert(2)>\r\n";
		String spanish = words("es").get("html") + "<p>[[${7*7}]] __${7*7}__ &lt;b&gt;</p>";
		Map<String, String> form = form(Map.of("text-en", hostile, "html-es", spanish));
		form.put("action", "save");
		assertThat(browser.post("/console/templates/" + name, form).statusCode()).isEqualTo(302);

		String page = browser.get("/console/templates/" + name).body();

		assertThat(page).doesNotContain("<script>alert", "<img src=x").contains("&lt;script&gt;alert(1)&lt;/script&gt;");
		assertThat(textarea(page, "text-en")).isEqualTo(hostile.replace("\r\n", "\n"));
		assertThat(textarea(page, "html-es")).isEqualTo(spanish);
		assertThat(page).contains("id=\"subject-en\" lang=\"en\">&lt;script&gt;alert(1)&lt;/script&gt; [[${7*7}]]");
	}

	@Test
	void aViewerSeesNoSaveButtonAndIsRefusedWhenPostingAnyway() throws Exception {
		signedIn("VIEWER");
		String page = browser.get("/console/templates/" + name + "?zip=12207").body();
		assertThat(page).doesNotContain("id=\"save\"", "name=\"text-en\"", "method=\"post\" action=\"/console/templates/")
			.contains("readonly", "id=\"preview-en\"");
		assertThat(browser.get("/console/templates").body()).doesNotContain("id=\"create\"").contains("open-" + name);
		Map<String, String> form = form(Map.of());
		form.put("action", "save");

		HttpResponse<String> refused = browser.post("/console/templates/" + name, form);

		assertThat(refused.statusCode()).isEqualTo(403);
		assertThat(count("SELECT COUNT(*) FROM campaign_template_versions WHERE name = '" + name + "'")).isEqualTo(1);
		assertThat(count("SELECT COUNT(*) FROM audit_log WHERE action = 'refused' AND target = 'POST /console/templates/" + name + "'"))
			.isEqualTo(1);
	}

	@Test
	void aStaleFormIsShownAgainWithTheNoteAndTheWordsAndSavesNothing() throws Exception {
		signedIn("ORGANIZER");
		Map<String, String> form = form(Map.of("text-en", "Subject: Kept\n\nStill here"));
		form.put("action", "save");
		form.put("_csrf", "stale-token-from-yesterday");

		HttpResponse<String> page = browser.post("/console/templates/" + name, form);

		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("The page had expired. Nothing was changed: please press the button again.");
		assertThat(textarea(page.body(), "text-en")).isEqualTo("Subject: Kept\n\nStill here");
		assertThat(count("SELECT COUNT(*) FROM campaign_template_versions WHERE name = '" + name + "'")).isEqualTo(1);
		assertThat(count("SELECT COUNT(*) FROM audit_log WHERE action = 'template.edit' AND channel = 'console' AND target = 'template:" + name + "'"))
			.isZero();
	}

	@Test
	void aPreviewForAnAddressNoSubscriberHasSaysSoAtTheField() throws Exception {
		signedIn("ORGANIZER");
		Map<String, String> form = form(Map.of("email", "nobody-" + name + "@example.org", "zip", ""));
		form.put("action", "preview");

		String page = browser.post("/console/templates/" + name, form).body();

		assertThat(page).contains("id=\"email-error\"", "No subscriber has this email address.", "href=\"#email\"",
				"value=\"nobody-" + name + "@example.org\"");
	}

	@Test
	void aTestSendGoesToTheOrganizersOwnAddressMarkedAsATestWithOneAuditEntry() throws Exception {
		String organizer = signedIn("ORGANIZER");
		Map<String, String> form = form(Map.of("text-es", words("es").get("text").replace("Estimado/a", "Querido/a"),
				"test-language", "es", "email", "someone-else@example.org"));
		form.put("email", "");

		HttpResponse<String> page = browser.post("/console/templates/" + name + "/test-send", form);

		assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
		assertThat(page.body()).contains("A test email in Spanish was sent to " + organizer + "@example.org.");
		jakarta.mail.internet.MimeMessage sent = awaitEmailTo(organizer + "@example.org");
		String text = (String) ((jakarta.mail.internet.MimeMultipart) sent.getContent()).getBodyPart(0).getContent();
		assertThat(text).contains("Querido/a Amigo/a", "[CORREO DE PRUEBA");
		assertThat(emailsTo("someone-else@example.org")).isEmpty();
		assertThat(count("SELECT COUNT(*) FROM audit_log WHERE action = 'template.test-send' AND channel = 'console' AND actor = '"
				+ organizer + "' AND target = 'template:" + name + "'")).isEqualTo(1);
	}

	@Test
	void theVersionsPageShowsTheLinesThatChangedBetweenTwoVersions() throws Exception {
		signedIn("VIEWER");
		HttpResponse<String> second = adminSend("PUT", "/api/v1/templates/" + name, json.writeValueAsString(Map.of("languages",
				Map.of("en", Map.of("text", words("en").get("text").replace("Dear", "Hello <b>"), "html", words("en").get("html")),
						"es", words("es")))));
		assertThat(second.statusCode()).as(second.body()).isEqualTo(200);

		String page = browser.get("/console/templates/" + name + "/versions?from=1&to=2").body();

		assertThat(page).contains("Changes from version 1 to version 2", "<h3>English, Text part</h3>",
				"<span class=\"removed\">-{{/test}}Dear {{firstName}},</span>", "<span class=\"added\">+{{/test}}Hello &lt;b&gt; {{firstName}},</span>",
				"<h3>Spanish, HTML part</h3>\n\t\t\t<p>No change.</p>");
		assertThat(browser.get("/console/templates/" + name + "/versions").body()).contains("saved by an organizer")
			.contains("<option value=\"1\" selected=\"selected\">", "<option value=\"2\" selected=\"selected\">");
		HttpResponse<String> unknown = browser.get("/console/templates/" + name + "/versions?from=1&to=nine");
		assertThat(unknown.statusCode()).isEqualTo(400);
		assertThat(unknown.body()).contains("There is no such version of this template.");
	}

	private String signedIn(String role) throws Exception {
		String user = role.toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8);
		HttpResponse<String> created = postJson("/api/v1/accounts", json.writeValueAsString(Map.of("username", user, "email",
				user + "@example.org", "password", ConsoleBrowserSupport.PASSWORD, "role", role)), Map.of("Authorization", "Bearer " + ADMIN));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		assertThat(browser.signIn(user, ConsoleBrowserSupport.PASSWORD).statusCode()).isEqualTo(302);
		browser.get("/console/templates/" + name);
		return user;
	}

	/** The editor's fields with the saved words, as a browser sends them (CR LF line ends), changed by {@code changes}. */
	private Map<String, String> form(Map<String, String> changes) throws Exception {
		Map<String, String> form = new LinkedHashMap<>();
		for (String language : List.of("en", "es")) {
			form.put("text-" + language, words(language).get("text").replace("\n", "\r\n"));
			form.put("html-" + language, words(language).get("html").replace("\n", "\r\n"));
		}
		form.put("email", "");
		form.put("zip", "12207");
		form.put("address", "");
		form.putAll(changes);
		form.put("_csrf", browser.csrf == null ? "" : browser.csrf);
		return form;
	}

	private static Map<String, String> words(String language) throws Exception {
		Path files = Path.of("templates/campaigns");
		return Map.of("text", Files.readString(files.resolve(DEFAULT + "." + language + ".txt")), "html",
				Files.readString(files.resolve(DEFAULT + "." + language + ".html")));
	}

	/** A textarea's words as a browser reads them: unescaped, one line end right after the tag dropped. */
	static String textarea(String page, String id) {
		java.util.regex.Matcher m = java.util.regex.Pattern.compile("<textarea id=\"" + id + "\"[^>]*>(.*?)</textarea>",
				java.util.regex.Pattern.DOTALL).matcher(page);
		assertThat(m.find()).as("textarea " + id).isTrue();
		String words = HtmlUtils.htmlUnescape(m.group(1));
		return words.startsWith("\n") ? words.substring(1) : words;
	}

}
