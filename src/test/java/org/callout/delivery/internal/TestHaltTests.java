package org.callout.delivery.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.callout.delivery.DeliveryProperties;
import org.junit.jupiter.api.Test;

/** The crash tests' halt (callout.delivery.test.halt-at): the halting action is recorded here, not run. */
class TestHaltTests {

	private final List<Integer> halts = new ArrayList<>();

	@Test
	void itHaltsWithItsOwnExitCodeAtTheNamedPoint() {
		new TestHalt("finish", halts::add).at("finish");

		assertThat(halts).containsExactly(TestHalt.EXIT_CODE);
	}

	@Test
	void itDoesNotHaltAtAnyOtherPoint() {
		new TestHalt("finish", halts::add).at("snapshot");

		assertThat(halts).isEmpty();
	}

	@Test
	void unsetItNeverHalts() {
		TestHalt halt = new TestHalt(new DeliveryProperties(null, null, null, null, null, null, null, null, null, null, null, null, null, null,
				null).test().haltAt(), halts::add);

		DeliveryProperties.TestHooks.HALT_POINTS.forEach(halt::at);

		assertThat(halts).isEmpty();
	}

	@Test
	void aPointTheJobDoesNotHaveIsRefusedAtStartUp() {
		assertThatThrownBy(() -> new DeliveryProperties.TestHooks("sending"))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("callout.delivery.test.halt-at")
			.hasMessageContaining("snapshot or snapshot-slice or finish");
	}

}
