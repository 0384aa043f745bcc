package org.callout.campaigns;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.callout.support.H2Database;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The default campaign template rendered for real New York supporters: the directory and ZIP table come from
 * {@code ../shared/data/}, and the expected names and phones are read from the same CSV.
 */
@H2Database
class CampaignEmailTests extends CampaignFlowSupport {

	private static final String TEMPLATE = "call-your-legislator";

	@Test
	void anExactZipGetsItsOwnSenatorAndAssemblyMemberWithTheirPhonesInEnglishAndSpanish() throws Exception {
		Person senator = person("upper", "46");
		Person member = person("lower", "109");
		long bill = trackBill("S3076A", "A2328A", List.of(), List.of(), "INTRODUCED", "S3076A");

		for (String language : List.of("en", "es")) {
			JsonNode email = preview(TEMPLATE, Map.of("zip", "12207", "language", language, "ask", "both", "billId", bill));

			assertThat(email.get("language").asString()).isEqualTo(language);
			for (String part : List.of("text", "html")) {
				assertThat(email.get(part).asString()).as(language + " " + part)
					.contains(senator.name(), senator.capitolPhone(), member.name(), member.capitolPhone(),
							"tel:+1" + senator.capitolPhone().replace("-", ""), "tel:+1" + member.capitolPhone().replace("-", ""),
							"125 Broad Street", "https://act.example.org/u/");
			}
		}
		assertThat(preview(TEMPLATE, Map.of("zip", "12207", "language", "es", "ask", "both", "billId", bill))
			.get("text").asString()).contains("Estimado/a Amigo/a:", "Por favor, llame hoy");
	}

	@Test
	void aCoSponsorIsThankedAndALegislatorWhoIsNotIsUrged() throws Exception {
		long fahy = legislatorId("upper", "46");
		long bill = trackBill("S3100", "A3100", List.of(fahy), List.of(), "INTRODUCED", "S3100");

		String text = preview(TEMPLATE, Map.of("zip", "12207", "ask", "both", "billId", bill, "firstName", "Rosa"))
			.get("text").asString();

		assertThat(text).contains("Pat Fahy co-sponsors this bill",
				"Hi, my name is Rosa. I live in the district, and I'm calling to thank Senator Pat Fahy for co-sponsoring S.3100 / A.3100.",
				"I'm calling to urge Assembly Member Gabriella Romero to support S.3100 / A.3100");
		assertThat(text).doesNotContain("Gabriella Romero co-sponsors");
	}

	@Test
	void aBillInAnAssemblyCommitteeAsksForTheAssemblyMemberOnly() throws Exception {
		long bill = trackBill("S3101", "A3101", List.of(), List.of(), "PASSED_SENATE", null);
		setStatus(bill, "IN_ASSEMBLY_COMM", null, "2026-02-10");

		JsonNode email = preview(TEMPLATE, Map.of("zip", "12207", "billId", bill));

		assertThat(email.get("text").asString()).contains("CALL your Assembly Member, Gabriella Romero", "In an Assembly committee")
			.doesNotContain("CALL your Senator");
		assertThat(email.get("subject").asString()).isEqualTo("S.3101 / A.3101: In an Assembly committee. Your call matters today");
	}

	@Test
	void unknownDistrictsGiveTheFindYourLegislatorsLinkInsteadOfAName() throws Exception {
		long bill = trackBill("S3102", "A3102", List.of(), List.of(), "IN_SENATE_COMM", null);

		JsonNode email = preview(TEMPLATE, Map.of("zip", "10008", "billId", bill));

		assertThat(email.get("text").asString()).contains("https://act.example.org/reps?zip=10008&lang=en").doesNotContain("CALL ");
		// JMustache escapes = as &#x3D; in HTML: the same link to a browser.
		assertThat(email.get("html").asString()).contains("https://act.example.org/reps?zip&#x3D;10008&amp;lang&#x3D;en");
	}

	@Test
	void anAmbiguousZipGivesEveryCandidateHonestlyAndTheLink() throws Exception {
		long bill = trackBill("S3103", "A3103", List.of(), List.of(), "PASSED_SENATE", null);
		setStatus(bill, "IN_ASSEMBLY_COMM", null, "2026-02-10");

		String text = preview(TEMPLATE, Map.of("zip", "10027", "billId", bill)).get("text").asString();
		String spanish = preview(TEMPLATE, Map.of("zip", "10027", "billId", bill, "language", "es")).get("text").asString();

		assertThat(text).contains("Your Assembly district depends on your street. Depending on where you live, your legislator is one of:",
				"https://act.example.org/reps?zip=10027&lang=en").doesNotContain("CALL your");
		assertThat(spanish).contains("Su distrito (Asamblea) depende de su calle");
		for (String district : List.of("68", "69", "70", "71")) {
			assertThat(text).contains(person("lower", district).name() + ", District " + district);
			assertThat(spanish).contains(person("lower", district).name() + ", asambleísta del distrito " + district);
		}
	}

	@Test
	void aSupporterOutsideNewYorkIsAskedToCallTheGovernorsOfficeWithALineSayingWhy() throws Exception {
		long bill = trackBill("S3104", "A3104", List.of(), List.of(), "IN_SENATE_COMM", null);

		String text = preview(TEMPLATE, Map.of("zip", "07030", "billId", bill)).get("text").asString();

		assertThat(text).contains("CALL Governor Kathy Hochul's office", "518-474-8390",
				"Your ZIP code is outside New York State, so we cannot name state legislators for you, but you can still call",
				// Not "I'm a New Yorker", and not "sign" a bill still in committee.
				"I don't live in New York, but what happens there matters to me, and I'm calling to ask Governor Kathy Hochul to support S.3104 / A.3104.")
			.doesNotContain("I'm a New Yorker").doesNotContain("to sign");
	}

	@Test
	void aSpanishSpeakingSubscriberGetsSpanishWithTheirOwnLegislators() throws Exception {
		long bill = trackBill("S3105", "A3105", List.of(), List.of(), "IN_SENATE_COMM", null);
		long subscriber = supporter(unique("lucia"), "Lucía", "12207", "es");

		JsonNode email = preview(TEMPLATE, Map.of("subscriberId", subscriber, "billId", bill));

		assertThat(email.get("language").asString()).isEqualTo("es");
		assertThat(email.get("languageFallback").asBoolean()).isFalse();
		// A preview is what the supporter will read: no test banner (its links still record nothing).
		assertThat(email.get("text").asString()).doesNotContain("CORREO DE PRUEBA");
		assertThat(email.get("text").asString()).contains("Estimado/a Lucía:", "LLAME a su senador(a), Pat Fahy",
				"Hola, me llamo Lucía. Vivo en el distrito y llamo para pedirle a Pat Fahy que apoye el proyecto de ley S.3105 / A.3105",
				"En una comisión del Senado", "Impide que la policía local haga el trabajo de ICE.");
	}

	@Test
	void aHostileNameStaysInertTextInBothParts() throws Exception {
		long bill = trackBill("S3106", "A3106", List.of(), List.of(), "IN_SENATE_COMM", null);
		String hostile = "<script>alert(1)</script>{{unsubscribeUrl}}{{#ask}}x";

		JsonNode email = preview(TEMPLATE, Map.of("zip", "12207", "billId", bill, "firstName", hostile));

		assertThat(email.get("html").asString()).contains("&lt;script&gt;alert(1)&lt;/script&gt;{{unsubscribeUrl}}{{#ask}}x")
			.doesNotContain("<script>");
		assertThat(email.get("text").asString()).contains("Dear " + hostile + ",");
	}

	@Test
	void aTestSendReachesTheSmtpServerWithEveryHeaderAndBothParts() throws Exception {
		long bill = trackBill("S3107", "A3107", List.of(), List.of(), "IN_SENATE_COMM", null);
		String to = unique("organizer");

		HttpResponse<String> sent = adminSend("POST", "/api/v1/templates/" + TEMPLATE + "/test-send",
				json.writeValueAsString(Map.of("to", to, "zip", "12207", "billId", bill)));

		assertThat(sent.statusCode()).as(sent.body()).isEqualTo(202);
		MimeMessage message = awaitEmailTo(to);
		assertThat(message.getMessageID()).isEqualTo(json.readTree(sent.body()).get("messageId").asString()).endsWith("@example.org>");
		assertThat(message.getHeader("Date")).isNotNull();
		assertThat(message.getHeader("From", null)).contains("New York Civil Liberties Union");
		assertThat(message.getHeader("To", null)).isEqualTo(to);
		assertThat(message.getHeader("List-Id", null)).isEqualTo("New York Civil Liberties Union <supporters.example.org>");
		assertThat(message.getHeader("List-Unsubscribe", null))
			.matches("<https://act\\.example\\.org/u/[A-Za-z0-9_.-]+\\?lang=en>, <mailto:action@example\\.org\\?subject=unsubscribe>");
		assertThat(message.getHeader("List-Unsubscribe-Post", null)).isEqualTo("List-Unsubscribe=One-Click");
		assertThat(message.getHeader("Feedback-ID", null)).isEqualTo("test:call-your-legislator:callout");
		MimeMultipart alternative = (MimeMultipart) message.getContent();
		assertThat(alternative.getContentType()).startsWith("multipart/alternative");
		assertThat(alternative.getBodyPart(0).getContentType()).contains("text/plain", "UTF-8");
		assertThat(alternative.getBodyPart(1).getContentType()).contains("text/html", "UTF-8");
		assertThat((String) alternative.getBodyPart(0).getContent()).contains("[TEST EMAIL", "125 Broad Street, 19th Floor");
		assertThat((String) alternative.getBodyPart(1).getContent()).contains("Test email.", "125 Broad Street, 19th Floor");
	}

	@Test
	void aPreviewForNobodyRealIsAProblemNamingTheField() throws Exception {
		assertThat(problem("/api/v1/templates/" + TEMPLATE + "/preview", Map.of("subscriberId", 987_654), 404))
			.isEqualTo("subscriberId");
		assertThat(problem("/api/v1/templates/" + TEMPLATE + "/preview", Map.of("zip", "12207", "language", "fr"), 400))
			.isEqualTo("language");
		assertThat(problem("/api/v1/templates/" + TEMPLATE + "/preview", Map.of("zip", "1220"), 400)).isEqualTo("zip");
		assertThat(problem("/api/v1/templates/" + TEMPLATE + "/preview", Map.of("zip", "12207", "ask", "mayor"), 400))
			.isEqualTo("ask");
		assertThat(problem("/api/v1/templates/" + TEMPLATE + "/preview", Map.of(), 400)).isEqualTo("subscriberId");
		assertThat(problem("/api/v1/templates/" + TEMPLATE + "/test-send", Map.of("to", "not an address", "zip", "12207"), 400))
			.isEqualTo("to");
		assertThat(adminSend("POST", "/api/v1/templates/no-such-template/preview", "{\"zip\":\"12207\"}").statusCode())
			.isEqualTo(404);
	}

	private String problem(String path, Map<String, Object> body, int status) throws Exception {
		HttpResponse<String> response = adminSend("POST", path, json.writeValueAsString(body));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).contains("problem+json"));
		JsonNode problem = json.readTree(response.body());
		return problem.has("errors") ? problem.get("errors").get(0).get("field").asString() : problem.get("field").asString();
	}

}
