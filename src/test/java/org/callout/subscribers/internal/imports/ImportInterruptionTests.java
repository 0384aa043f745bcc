package org.callout.subscribers.internal.imports;

import static org.assertj.core.api.Assertions.assertThat;

import org.callout.platform.Claims;
import org.callout.subscribers.imports.ImportSupport;
import org.callout.support.H2Database;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

/** An import this instance left running when it stopped is marked interrupted at start-up; a neighbour's is not. */
@H2Database
class ImportInterruptionTests extends ImportSupport {

	@Autowired
	ImportsConfiguration.Interruptions interruptions;

	@Autowired
	ImportStore store;

	@Autowired
	Claims claims;

	@Test
	void onlyThisInstancesRunningImportsAreMarkedInterruptedAtStartUp() throws Exception {
		long mine = store.start(false, UpdateMode.NONE, "supporters", claims.instanceId(), 10, 0, clock.instant());
		long neighbours = store.start(false, UpdateMode.NONE, "supporters", "another-instance", 10, 0, clock.instant());

		interruptions.markInterrupted();

		assertThat(json.readTree(admin("/api/v1/subscribers/imports/" + mine).body()).get("status").asString()).isEqualTo("interrupted");
		assertThat(json.readTree(admin("/api/v1/subscribers/imports/" + neighbours).body()).get("status").asString()).isEqualTo("running");
	}

}
