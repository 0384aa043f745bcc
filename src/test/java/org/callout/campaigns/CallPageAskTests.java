package org.callout.campaigns;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.callout.support.H2Database;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.web.util.HtmlUtils;

/** The call page follows the blast's ask: the governor's office, or the candidates of a ZIP split between districts. */
@H2Database
class CallPageAskTests extends CallPageSupport {

	@Test
	void aBlastAskingForTheGovernorShowsTheGovernorsOfficeWhoseAnswerIsCountedAsGovernor() throws Exception {
		long bill = trackBill("S6520", "A6520", List.of(), List.of(), "PASSED_SENATE", null);
		long blast = blast(bill, "governor");
		long supporter = supporter(unique("governor"), "Ana", "12207", "en");
		String url = callPage(supporter, blast, "en");

		String page = HtmlUtils.htmlUnescape(get(url).body());
		press(url, "governor", "VOICEMAIL");

		assertThat(page).contains("Governor Kathy Hochul", "href=\"tel:+15184748390\">518-474-8390</a>",
				"I left a voicemail at Governor Kathy Hochul's office").doesNotContain("Pat Fahy");
		assertThat(outcomes(blast, supporter)).containsExactly(Map.entry("governor", "VOICEMAIL"));
		JsonNode target = json.readTree(admin("/api/v1/blasts/" + blast + "/calls").body()).get("targets").get(0);
		assertThat(target.get("target").asString()).isEqualTo("governor");
		assertThat(target.get("name").asString()).isEqualTo("Kathy Hochul");
	}

	@Test
	void aSupporterInASplitZipSeesEveryCandidateWithPhonesAndTheFindYoursLinkButNoButtons() throws Exception {
		long bill = trackBill("S6521", "A6521", List.of(), List.of(), "INTRODUCED", "S6521");
		long blast = blast(bill);
		long supporter = supporter(unique("split"), "Bo", "10004", "es");

		String url = callPage(supporter, blast, "es");

		HttpResponse<String> page = get(url);

		assertThat(page.statusCode()).isEqualTo(200);
		String html = HtmlUtils.htmlUnescape(page.body());
		assertThat(html).contains("Senado: su distrito depende de su calle", "Asamblea: su distrito depende de su calle",
				"Andrew Gounardes", "Brian Kavanagh", "Charles Fall", "Grace Lee", "href=\"tel:+1",
				"Encuentre a sus legisladores", "/reps?zip=10004&lang=es");
		assertThat(html).doesNotContain("<button");
		assertThat(press(url, Long.toString(legislatorId("upper", "26")), "TALKED").statusCode())
			.isEqualTo(400);
		assertThat(answers(blast)).isZero();
	}

}
