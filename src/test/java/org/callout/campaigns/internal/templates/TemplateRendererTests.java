package org.callout.campaigns.internal.templates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class TemplateRendererTests {

	private final TemplateRenderer renderer = new TemplateRenderer("en");

	private final TemplateVersion template = new TemplateVersion("t", 1, "api", Instant.EPOCH,
			Map.of("en", TemplateFixtures.valid(), "es", new TemplateVersion.Parts("Subject:  Hola {{firstName}}\nCuerpo {{unsubscribeUrl}}\n",
					"<p>{{firstName}}</p>")));

	static Map<String, Object> model(String firstName) {
		Map<String, Object> model = new HashMap<>();
		model.put("firstName", firstName);
		model.put("unsubscribeUrl", "https://act.example.org/u/abc");
		model.put("organization", Map.of("name", "NYCLU", "postalAddress", "125 Broad St"));
		model.put("senator", Map.of("name", "Jane Doe"));
		model.put("ask", Map.of("targets", List.of(Map.of("title", "Senator", "name", "Jane Doe", "phone",
				Map.of("number", "(518) 455-2000", "tel", "+15184552000")))));
		return model;
	}

	@Test
	void theSubjectIsTheFirstLineAfterSubjectStrippedAndTheBodyTheRest() {
		RenderedTemplate email = renderer.render(template, "en", model("Ana"));

		assertThat(email.subject()).isEqualTo("Call Jane Doe today");
		assertThat(email.text()).startsWith("Hi Ana,\n").contains("Call Senator Jane Doe at (518) 455-2000.");
		assertThat(email.html()).contains("<a href=\"tel:+15184552000\">Jane Doe</a>");
		assertThat(email.language()).isEqualTo("en");
	}

	@Test
	void aLanguageTheTemplateLacksFallsBackToTheDefaultAndSaysSo() {
		assertThat(renderer.render(template, "fr", model("Ana")).language()).isEqualTo("en");
		assertThat(renderer.render(template, "es", model("Ana"))).satisfies(email -> {
			assertThat(email.language()).isEqualTo("es");
			assertThat(email.subject()).isEqualTo("Hola Ana");
		});
	}

	@Test
	void whatASupporterTypedIsDataNeverTemplate() {
		RenderedTemplate email = renderer.render(template, "en", model("{{unsubscribeUrl}}<script>alert(1)</script>"));

		assertThat(email.text()).contains("Hi {{unsubscribeUrl}}<script>alert(1)</script>,");
		assertThat(email.html()).contains("{{unsubscribeUrl}}&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>");
	}

	@Test
	void aLineBreakInAValueKeepsTheSubjectOneLineAndOutOfTheBody() {
		TemplateVersion named = new TemplateVersion("t", 3, "api", Instant.EPOCH,
				Map.of("en", new TemplateVersion.Parts("Subject: Hi {{firstName}}\r\nBody\n", "x")));

		RenderedTemplate email = renderer.render(named, "en", model("Ana\r\nBcc: victim@example.org"));

		assertThat(email.subject()).isEqualTo("Hi Ana Bcc: victim@example.org");
		assertThat(email.text()).isEqualTo("Body\n");
	}

	@Test
	void aModelHoldingAnythingButPlainValuesIsRefused() {
		Map<String, Object> model = model("Ana");
		model.put("firstName", new StringBuilder("Ana"));

		assertThatThrownBy(() -> renderer.render(template, "en", model)).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("model.firstName");
	}

	@Test
	void noGetterIsEverCalledThroughAName() {
		TemplateVersion sneaky = new TemplateVersion("t", 2, "api", Instant.EPOCH,
				Map.of("en", new TemplateVersion.Parts("Subject: {{firstName.class}}\nx\n", "x")));

		assertThatThrownBy(() -> renderer.render(sneaky, "en", model("Ana"))).hasMessageContaining("firstName.class");
	}

}
