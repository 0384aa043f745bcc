package org.callout.campaigns;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.callout.platform.LinkSigner;
import org.callout.support.H2Database;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.util.HtmlUtils;

/**
 * The call page over real HTTP, for real supporters of a blast made by hand at ZIP 12207 (Senator Pat Fahy,
 * Assembly Member Gabriella Romero, neither with a district office in the shared directory) and 10022 (Senator
 * Liz Krueger, Assembly Member Alex Bores, both with one).
 */
@H2Database
class CallPageTests extends CallPageSupport {

	@Autowired
	LinkSigner signer;

	@Test
	void thePageNamesTheSupportersTwoLegislatorsWithTheirPhoneLinksOfficeHoursAndScript() throws Exception {
		long bill = trackBill("S6500", "A6500", List.of(), List.of(), "INTRODUCED", "S6500");
		long supporter = supporter(unique("ana"), "Ana", "12207", "en");
		HttpResponse<String> page = get(callPage(supporter, blast(bill), "en"));

		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.headers().firstValue("Cache-Control")).hasValue("no-store");
		assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
		String html = HtmlUtils.htmlUnescape(page.body());
		assertThat(html).contains("<h1>Make your call</h1>", "<h2 id=\"name-" + legislatorId("upper", "46") + "\">Senator Pat Fahy</h2>",
				"Assembly Member Gabriella Romero", "href=\"tel:+15184552225\">518-455-2225</a>",
				"href=\"tel:+15184554178\">518-455-4178</a>", "Monday to Friday, 9 a.m. to 5 p.m.",
				"Hi, my name is Ana. I live in the district, and I'm calling to urge Senator Pat Fahy to support S.6500 / A.6500",
				"I talked to someone at Senator Pat Fahy's office", "I left a voicemail at Assembly Member Gabriella Romero's office",
				"I couldn't get through to Senator Pat Fahy's office");
		assertThat(html).doesNotContain("District office", "<script", "test page");
	}

	@Test
	void aSpanishSupportersPageIsInSpanishWithTheCapitolAndDistrictOfficeOfEachLegislator() throws Exception {
		long bill = trackBill("S6501", "A6501", List.of(), List.of(), "INTRODUCED", "S6501");
		long supporter = supporter(unique("lucia"), "Lucía", "10022", "es");
		HttpResponse<String> page = get(callPage(supporter, blast(bill), "es"));

		assertThat(page.statusCode()).isEqualTo(200);
		String html = HtmlUtils.htmlUnescape(page.body());
		assertThat(html).contains("lang=\"es\"", "<h1>Haga su llamada</h1>", "Liz Krueger", "Alex Bores",
				"Oficina en Albany", "Oficina del distrito", "href=\"tel:+12124909535\">212-490-9535</a>",
				"href=\"tel:+12126050937\">212-605-0937</a>", "Si una línea está ocupada, llame a la otra.",
				"De lunes a viernes, de 9 a. m. a 5 p. m.", "Hola, me llamo Lucía.",
				"Hablé con alguien en la oficina de Liz Krueger", "Dejé un mensaje de voz en la oficina de Alex Bores",
				"No pude comunicarme con la oficina de Liz Krueger");
		assertThat(html).doesNotContain("Make your call", "Albany office");
	}

	@Test
	void openingThePageTenTimesWithGetAndTenWithHeadRecordsNothing() throws Exception {
		long bill = trackBill("S6502", "A6502", List.of(), List.of(), "INTRODUCED", "S6502");
		long blast = blast(bill);
		String url = callPage(supporter(unique("scanner"), "Bo", "12207", "en"), blast, "en");
		long before = count("SELECT COUNT(*) FROM call_reports");

		for (int i = 0; i < 10; i++) {
			assertThat(get(url).statusCode()).isEqualTo(200);
			assertThat(head(url).statusCode()).isEqualTo(200);
		}

		assertThat(answers(blast)).isZero();
		assertThat(count("SELECT COUNT(*) FROM call_reports")).isEqualTo(before);
	}

	@Test
	void pressingAButtonRecordsOneAnswerThatThePageShowsAndTheOrganizerCounts() throws Exception {
		long bill = trackBill("S6503", "A6503", List.of(), List.of(), "INTRODUCED", "S6503");
		long blast = blast(bill);
		long fahy = legislatorId("upper", "46");
		long supporter = supporter(unique("caller"), "Cy", "12207", "en");
		String url = callPage(supporter, blast, "en");

		HttpResponse<String> answered = press(url, Long.toString(fahy), "TALKED");

		assertThat(answered.statusCode()).isEqualTo(200);
		String html = HtmlUtils.htmlUnescape(answered.body());
		assertThat(html).contains("Thank you! We noted that you talked to someone at Senator Pat Fahy's office.",
				"Your answer: you talked to someone.");
		assertThat(outcomes(blast, supporter)).containsExactly(Map.entry(Long.toString(fahy), "TALKED"));
		JsonNode calls = json.readTree(admin("/api/v1/blasts/" + blast + "/calls").body());
		assertThat(calls.get("total").asLong()).isEqualTo(1);
		JsonNode target = calls.get("targets").get(0);
		assertThat(target.get("target").asString()).isEqualTo(Long.toString(fahy));
		assertThat(target.get("name").asString()).isEqualTo("Pat Fahy");
		assertThat(target.get("outcomes").get("TALKED").asLong()).isEqualTo(1);
		assertThat(target.get("outcomes").get("VOICEMAIL").asLong()).isZero();
		assertThat(target.get("outcomes").get("NO_ANSWER").asLong()).isZero();
	}

	@Test
	void aSecondPressChangesTheAnswerInsteadOfAddingOne() throws Exception {
		long bill = trackBill("S6504", "A6504", List.of(), List.of(), "INTRODUCED", "S6504");
		long blast = blast(bill);
		String fahy = Long.toString(legislatorId("upper", "46"));
		long supporter = supporter(unique("changer"), "Di", "12207", "en");
		String url = callPage(supporter, blast, "en");

		assertThat(press(url, fahy, "NO_ANSWER").statusCode()).isEqualTo(200);
		assertThat(press(url, fahy, "VOICEMAIL").statusCode()).isEqualTo(200);

		assertThat(outcomes(blast, supporter)).containsExactly(Map.entry(fahy, "VOICEMAIL"));
		JsonNode target = json.readTree(admin("/api/v1/blasts/" + blast + "/calls").body()).get("targets").get(0);
		assertThat(target.get("outcomes").get("VOICEMAIL").asLong()).isEqualTo(1);
		assertThat(target.get("outcomes").get("NO_ANSWER").asLong()).isZero();
		assertThat(HtmlUtils.htmlUnescape(get(url).body())).contains("Your answer: you left a voicemail.");
	}

	@Test
	void eachLegislatorOnThePageGetsTheirOwnAnswer() throws Exception {
		long bill = trackBill("S6505", "A6505", List.of(), List.of(), "INTRODUCED", "S6505");
		long blast = blast(bill);
		String fahy = Long.toString(legislatorId("upper", "46"));
		String romero = Long.toString(legislatorId("lower", "109"));
		long supporter = supporter(unique("both"), "Ed", "12207", "en");
		String url = callPage(supporter, blast, "en");

		press(url, fahy, "TALKED");
		press(url, romero, "NO_ANSWER");

		assertThat(outcomes(blast, supporter)).containsOnly(Map.entry(fahy, "TALKED"), Map.entry(romero, "NO_ANSWER"));
	}

	@Test
	void anAnswerForSomeoneNotOnTheSupportersPageOrNotOneOfTheButtonsIsRefusedAndRecordsNothing() throws Exception {
		long bill = trackBill("S6506", "A6506", List.of(), List.of(), "INTRODUCED", "S6506");
		long blast = blast(bill);
		String url = callPage(supporter(unique("stranger"), "Flo", "12207", "en"), blast, "en");

		HttpResponse<String> someoneElse = press(url, Long.toString(legislatorId("upper", "28")), "TALKED");
		HttpResponse<String> governor = press(url, "governor", "TALKED");
		HttpResponse<String> madeUp = press(url, Long.toString(legislatorId("upper", "46")), "TRACKED");

		for (HttpResponse<String> refused : List.of(someoneElse, governor, madeUp)) {
			assertThat(refused.statusCode()).isEqualTo(400);
			assertThat(refused.body()).contains("We could not record that answer", "Back to your call page");
		}
		assertThat(answers(blast)).isZero();
	}

	@Test
	void aForgedAlteredExpiredOrForeignTokenShowsTheFriendlyPageAndRecordsNothing() throws Exception {
		long bill = trackBill("S6507", "A6507", List.of(), List.of(), "INTRODUCED", "S6507");
		long blast = blast(bill);
		long supporter = supporter(unique("forged"), "Gus", "12207", "es");
		String real = callPage(supporter, blast, "es");
		String token = real.substring(real.indexOf("/call/") + 6, real.indexOf('?'));
		// Another supporter's id under the same signature: the kind of change someone would try.
		String data = new String(java.util.Base64.getUrlDecoder().decode(token.substring(0, token.indexOf('.'))));
		String altered = java.util.Base64.getUrlEncoder().withoutPadding()
			.encodeToString(data.replace(supporter + ":", (supporter + 1) + ":").getBytes()) + token.substring(token.indexOf('.'));
		String fahy = Long.toString(legislatorId("upper", "46"));

		String expired = signer.sign("call", supporter + ":b" + blast, clock.instant().minusSeconds(1));
		String otherPurpose = signer.signPermanent("unsubscribe", supporter + ":b" + blast);

		for (String broken : List.of(altered, expired, otherPurpose, "not-a-token", token.substring(0, token.length() - 3))) {
			String url = base() + "/call/" + broken + "?lang=es";
			HttpResponse<String> page = get(url);
			assertThat(page.statusCode()).isEqualTo(400);
			assertThat(page.body()).contains("<h1>Este enlace no funciona</h1>").doesNotContain("Pat Fahy");
			assertThat(press(url, fahy, "TALKED").statusCode()).isEqualTo(400);
		}
		assertThat(answers(blast)).isZero();
	}

	@Test
	void aLinkToABlastThatDoesNotExistShowsTheFriendlyPage() throws Exception {
		long supporter = supporter(unique("noblast"), "Hal", "12207", "en");
		String url = local(links.blastUrl(supporter, 987_654_321L, "en"));

		assertThat(get(url).statusCode()).isEqualTo(400);
		assertThat(get(url).body()).contains("This link does not work");
		assertThat(press(url, Long.toString(legislatorId("upper", "46")), "TALKED").statusCode()).isEqualTo(400);
		assertThat(count("SELECT COUNT(*) FROM call_reports WHERE blast_id = 987654321")).isZero();
	}

	@Test
	void aTestSendsCallPageSaysItIsATestShowsTheZipsLegislatorsAndItsButtonsRecordNothing() throws Exception {
		long bill = trackBill("S6508", "A6508", List.of(), List.of(), "INTRODUCED", "S6508");
		JsonNode preview = preview("call-your-legislator", Map.of("zip", "12207", "billId", bill, "ask", "both", "language", "en"));
		String url = local(find("Your call page: (https://act\\.example\\.org/call/[A-Za-z0-9_.-]+\\?lang=en)",
				preview.get("text").asString()));
		long before = count("SELECT COUNT(*) FROM call_reports");

		String page = HtmlUtils.htmlUnescape(get(url).body());
		HttpResponse<String> pressed = press(url, Long.toString(legislatorId("upper", "46")), "TALKED");

		assertThat(page).contains("This is a test page, from a test email. Nothing you press here is recorded.",
				"Senator Pat Fahy", "Assembly Member Gabriella Romero", "S.6508 / A.6508", "tel:+15184552225");
		assertThat(pressed.statusCode()).isEqualTo(200);
		assertThat(pressed.body()).contains("This is a test page, so nothing was recorded.").doesNotContain("We noted");
		assertThat(count("SELECT COUNT(*) FROM call_reports")).isEqualTo(before);
	}

	@Test
	void theCountsOfABlastWithNoAnswersAreEmptyAndOfAnUnknownBlastNotFound() throws Exception {
		long bill = trackBill("S6509", "A6509", List.of(), List.of(), "INTRODUCED", "S6509");
		long blast = blast(bill);

		JsonNode calls = json.readTree(admin("/api/v1/blasts/" + blast + "/calls").body());
		HttpResponse<String> unknown = admin("/api/v1/blasts/987654321/calls");

		assertThat(calls.get("total").asLong()).isZero();
		assertThat(calls.get("targets")).isEmpty();
		assertThat(unknown.statusCode()).isEqualTo(404);
		assertThat(get(base() + "/api/v1/blasts/" + blast + "/calls").statusCode()).isEqualTo(401);
	}

}
