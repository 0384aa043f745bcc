package org.callout.campaigns;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.callout.campaigns.internal.email.CallPageLinks;

import org.springframework.beans.factory.annotation.Autowired;

/** {@link CampaignFlowSupport} with blasts made by hand, their supporters' call pages, and the answers kept. */
public abstract class CallPageSupport extends CampaignFlowSupport {

	@Autowired
	protected CallPageLinks links;

	/** A draft blast about the bill for the default list, asking supporters to call both their legislators. */
	protected long blast(long bill) throws Exception {
		return blast(bill, "both");
	}

	protected long blast(long bill, String ask) throws Exception {
		HttpResponse<String> created = adminSend("POST", "/api/v1/blasts",
				json.writeValueAsString(Map.of("lists", List.of("supporters"), "billId", bill, "ask", ask)));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		return json.readTree(created.body()).get("id").asLong();
	}

	/** The supporter's call page for the blast, as their email links it, on this test's server. */
	protected String callPage(long supporter, long blast, String language) {
		return local(links.blastUrl(supporter, blast, language));
	}

	/** Presses one of the page's buttons as a browser without cookies would post it. */
	protected HttpResponse<String> press(String url, String target, String outcome) throws Exception {
		String form = "target=" + URLEncoder.encode(target, StandardCharsets.UTF_8) + "&outcome=" + outcome;
		return http.send(HttpRequest.newBuilder(URI.create(url))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	protected long answers(long blast) {
		return count("SELECT COUNT(*) FROM call_reports WHERE blast_id = " + blast);
	}

	/** The supporter's answers for the blast: target key to outcome. */
	protected Map<String, String> outcomes(long blast, long supporter) {
		return jdbc.sql("SELECT target_key, outcome FROM call_reports WHERE blast_id = :blast AND subscriber_id = :supporter")
			.param("blast", blast).param("supporter", supporter)
			.query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2)))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

}
