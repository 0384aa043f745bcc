package org.callout.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.junit.jupiter.api.Test;

import org.springframework.context.MessageSource;

class MessagesConfigurationTests {

	@Test
	void aModulesOwnBundleUnderI18nIsFoundWithoutBeingListedAnywhere() throws Exception {
		MessageSource messages = new MessagesConfiguration().messageSource();

		assertThat(messages.getMessage("fixture.greeting", null, Locale.ENGLISH)).isEqualTo("Hello from a module bundle");
		assertThat(messages.getMessage("fixture.greeting", null, Locale.forLanguageTag("es")))
			.isEqualTo("Hola desde el paquete de un módulo");
	}

	@Test
	void theSharedMessagesStayAvailableInEveryLanguage() throws Exception {
		MessageSource messages = new MessagesConfiguration().messageSource();

		assertThat(messages.getMessage("language.name", null, Locale.forLanguageTag("es"))).isEqualTo("Español");
		assertThat(messages.getMessage("language.name", null, Locale.forLanguageTag("de"))).isEqualTo("English");
	}

}
