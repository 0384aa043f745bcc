package org.callout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import fixtures.undeclared.FixtureApplication;
import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.core.Violations;
import org.springframework.modulith.docs.Documenter;

class ModularityTests {

	private final ApplicationModules modules = ApplicationModules.of(CalloutApplication.class);

	@Test
	void modulesOnlyUseWhatTheyDeclareThroughEachOthersPublicApiAndFormNoCycles() {
		modules.verify();
	}

	@Test
	void aModuleReachingADependencyItDidNotDeclareFailsTheCheck() {
		// The fixture lives with the tests, which the default import leaves out.
		assertThatThrownBy(() -> ApplicationModules.of(FixtureApplication.class, location -> true).verify())
			.isInstanceOf(Violations.class)
			.hasMessageContaining("alpha")
			.hasMessageContaining("beta");
	}

	@Test
	void everyFeatureIsItsOwnModuleAndPlatformIsShared() {
		assertThat(modules.stream().map(m -> m.getIdentifier().toString()))
			.contains("platform", "console", "mail", "consent", "subscribers", "signup", "bills", "legislators", "campaigns", "delivery");
		assertThat(modules.getSharedModules().stream().map(m -> m.getIdentifier().toString())).containsExactly("platform");
	}

	/** Refreshes docs/modules/ (checked in): the module diagrams and a canvas per module. */
	@Test
	void writesTheModuleCanvasesAndDiagramsIntoDocsModules() {
		new Documenter(modules, Documenter.Options.defaults().withOutputFolder("docs/modules")).writeDocumentation();
		assertThat(Path.of("docs/modules/components.puml")).exists();
		assertThat(Path.of("docs/modules/module-signup.adoc")).content().contains("org.callout.signup", "o.c.c.ConsentLedger");
	}

}
