package org.callout.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class MailTemplatesTests {

	private static MailTemplates templates(String text, String html) {
		TemplateSource source = (name, language) -> "en".equals(language)
				? Optional.of(new TemplateSource.EmailTemplate(text, html, "test")) : Optional.empty();
		return new MailTemplates(List.of(source), "en");
	}

	@Test
	void valuesAreEscapedInHtmlAndInsertedAsTheyAreInText() {
		RenderedEmail email = templates("Subject: Hi {{name}}\nHello {{name}}", "<p>{{name}}</p>")
			.render("t", "en", Map.of("name", "<b>Ana</b> {{x}}"));

		assertThat(email.subject()).isEqualTo("Hi <b>Ana</b> {{x}}");
		assertThat(email.text()).isEqualTo("Hello <b>Ana</b> {{x}}\n");
		assertThat(email.html()).isEqualTo("<p>&lt;b&gt;Ana&lt;/b&gt; {{x}}</p>");
	}

	@Test
	void aTemplateCannotReachIntoAnObjectThroughItsGetters() {
		MailTemplates templates = templates("Subject: x\n{{name.class.name}} {{name.bytes}}", "<p></p>");

		assertThatThrownBy(() -> templates.render("t", "en", Map.of("name", "Ana"))).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("could not be rendered");
	}

	@Test
	void aMissingValueOrSectionIsAnErrorNotAnEmptyString() {
		assertThatThrownBy(() -> templates("Subject: {{nothing}}", "<p></p>").render("t", "en", Map.of()))
			.isInstanceOf(IllegalStateException.class);
		assertThatThrownBy(() -> templates("Subject: x\n{{#nothing}}y{{/nothing}}", "<p></p>").render("t", "en", Map.of()))
			.isInstanceOf(IllegalStateException.class);
	}

	@Test
	void aLanguageWithoutItsOwnTemplateFallsBackToTheDefault() {
		RenderedEmail email = templates("Subject: Hello\nBody", "<p>Body</p>").render("t", "es", Map.of());

		assertThat(email.subject()).isEqualTo("Hello");
	}

}
