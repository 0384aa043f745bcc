package org.callout;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;

class ModularityTests {

	private final ApplicationModules modules = ApplicationModules.of(CalloutApplication.class);

	@Test
	void modulesOnlyUseEachOthersPublicApiAndFormNoCycles() {
		modules.verify();
	}

	@Test
	void everyFeatureIsItsOwnModule() {
		org.assertj.core.api.Assertions.assertThat(modules.stream().map(m -> m.getIdentifier().toString()))
			.contains("platform", "console", "mail", "consent", "subscribers", "signup", "legislators");
	}

}
