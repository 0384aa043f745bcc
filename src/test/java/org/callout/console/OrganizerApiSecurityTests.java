package org.callout.console;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.callout.support.H2Database;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest(properties = "callout.secrets.admin-token=organizer-token-0123456789")
@AutoConfigureMockMvc
@H2Database
class OrganizerApiSecurityTests {

	@Autowired
	MockMvc mvc;

	@Test
	void anOrganizerApiWithoutATokenIsA401ProblemDetail() throws Exception {
		mvc.perform(post("/api/v1/mail/test").contentType(MediaType.APPLICATION_JSON).content("{\"to\":\"a@example.org\"}"))
			.andExpect(status().isUnauthorized())
			.andExpect(header().string("WWW-Authenticate", "Bearer"))
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status").value(401));
	}

	@Test
	void aWrongTokenIsA401ProblemDetail() throws Exception {
		for (String wrong : new String[] { "Bearer organizer-token-012345678", "Bearer organizer-token-01234567890",
				"Bearer ", "Basic b3JnYW5pemVy", "organizer-token-0123456789" }) {
			mvc.perform(post("/api/v1/mail/test").header("Authorization", wrong)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"to\":\"a@example.org\"}"))
				.andExpect(status().isUnauthorized())
				.andExpect(jsonPath("$.title").value("Unauthorized"));
		}
	}

	@Test
	void theAdminTokenOpensOrganizerApis() throws Exception {
		mvc.perform(post("/api/v1/mail/test").header("Authorization", "Bearer organizer-token-0123456789")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"to\":\"a@example.org\"}")).andExpect(status().isAccepted());
	}

	@Test
	void anUnknownApiPathIsA404ProblemDetailNotA500() throws Exception {
		mvc.perform(get("/api/v1/no-such-thing").header("Authorization", "Bearer organizer-token-0123456789"))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
	}

	@Test
	void anUnknownPageIsAFriendly404Page() throws Exception {
		mvc.perform(get("/no-such-page").accept(MediaType.TEXT_HTML))
			.andExpect(status().isNotFound())
			.andExpect(content().string(containsString("Page not found")));
	}

	@Test
	void theHomePageAndHealthArePublic() throws Exception {
		mvc.perform(get("/")).andExpect(status().isOk()).andExpect(content().string(containsString("Callout")));
		mvc.perform(get("/actuator/health")).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("UP"));
	}

	@Test
	void actuatorEndpointsOtherThanHealthAreNotExposed() throws Exception {
		mvc.perform(get("/actuator/env")).andExpect(status().is4xxClientError());
		mvc.perform(get("/actuator/beans")).andExpect(status().is4xxClientError());
	}

}
