package org.callout.platform;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.micrometer.core.instrument.MeterRegistry;
import org.callout.support.H2Database;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Organizers read metrics (Micrometer's JSON and the Prometheus scrape) with the admin token; health stays public
 * and answers as before; no other actuator endpoint is served, with or without the token.
 */
@SpringBootTest(properties = "callout.secrets.admin-token=organizer-token-0123456789")
@AutoConfigureMockMvc
@H2Database
class OrganizerMetricsTests {

	static final String ORGANIZER = "Bearer organizer-token-0123456789";

	static final String[] METRICS = { "/actuator/metrics", "/actuator/metrics/jvm.memory.used", "/actuator/prometheus" };

	@Autowired
	MockMvc mvc;

	@Autowired
	MeterRegistry meters;

	@Test
	void metricsAndThePrometheusScrapeWithoutATokenAreA401ProblemDetail() throws Exception {
		for (String path : METRICS) {
			mvc.perform(get(path))
				.andExpect(status().isUnauthorized())
				.andExpect(header().string("WWW-Authenticate", "Bearer"))
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		}
	}

	@Test
	void metricsAndThePrometheusScrapeWithAWrongTokenAreA401() throws Exception {
		for (String path : METRICS) {
			for (String wrong : new String[] { "Bearer organizer-token-012345678", "Basic b3JnYW5pemVy", "organizer-token-0123456789" }) {
				mvc.perform(get(path).header("Authorization", wrong)).andExpect(status().isUnauthorized());
			}
		}
	}

	@Test
	void theOrganizerTokenOpensThePrometheusScrapeInPrometheusTextFormat() throws Exception {
		meters.counter("callout.test.deliveries", "status", "sent").increment();
		mvc.perform(get("/reps")).andExpect(status().isOk());

		mvc.perform(get("/actuator/prometheus").header("Authorization", ORGANIZER))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_PLAIN))
			.andExpect(content().string(containsString("# HELP jvm_memory_used_bytes ")))
			.andExpect(content().string(containsString("# TYPE jvm_memory_used_bytes gauge")))
			.andExpect(content().string(matchesPattern("(?s).*\nhttp_server_requests_seconds_count\\{[^}]*uri=\"/reps\"[^}]*\\} .*")))
			.andExpect(content().string(matchesPattern("(?s).*\ncallout_test_deliveries_total\\{[^}]*status=\"sent\"[^}]*\\} 1\\.0\n.*")));
	}

	@Test
	void theOrganizerTokenOpensMetricsByName() throws Exception {
		mvc.perform(get("/actuator/metrics").header("Authorization", ORGANIZER))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.names", hasItem("jvm.memory.used")));
		mvc.perform(get("/actuator/metrics/jvm.memory.used").header("Authorization", ORGANIZER))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.baseUnit").value("bytes"))
			.andExpect(jsonPath("$.measurements[0].value").isNumber());
	}

	@Test
	void noOtherActuatorEndpointIsServedWithoutTheTokenOrWithIt() throws Exception {
		for (String path : new String[] { "/actuator", "/actuator/env", "/actuator/beans", "/actuator/configprops",
				"/actuator/heapdump", "/actuator/loggers", "/actuator/threaddump", "/actuator/mappings" }) {
			mvc.perform(get(path)).andExpect(status().isUnauthorized());
			mvc.perform(get(path).header("Authorization", ORGANIZER)).andExpect(status().isNotFound());
		}
		mvc.perform(post("/actuator/shutdown").header("Authorization", ORGANIZER)).andExpect(status().isNotFound());
		mvc.perform(post("/actuator/loggers/org.callout").header("Authorization", ORGANIZER)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"configuredLevel\":\"TRACE\"}")).andExpect(status().isNotFound());
	}

	@Test
	void healthStaysPublicAndShowsOnlyItsStatusAndGroupsWhateverTheHeaders() throws Exception {
		for (String authorization : new String[] { null, ORGANIZER, "Bearer wrong" }) {
			var health = get("/actuator/health");
			var liveness = get("/actuator/health/liveness");
			if (authorization != null) {
				health.header("Authorization", authorization);
				liveness.header("Authorization", authorization);
			}
			mvc.perform(health)
				.andExpect(status().isOk())
				.andExpect(content().json("{\"groups\":[\"liveness\",\"readiness\"],\"status\":\"UP\"}", true));
			mvc.perform(liveness).andExpect(status().isOk()).andExpect(content().json("{\"status\":\"UP\"}", true));
		}
	}

}
