package org.callout.delivery.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.callout.support.PostgresDatabase;
import org.junit.jupiter.api.Test;

@PostgresDatabase
class PostgresSnapshotTests extends SnapshotTests {

	@Test
	void afterASnapshotThePlannerKnowsHowManyDeliveriesThereAre() throws Exception {
		long blast = draft(people(Map.of("albany", 120)), Map.of());

		assertThat(take(blast)).isEqualTo(120);

		// A table the planner believes empty got plans that never finished once it held a million rows.
		double planned = jdbc.sql("SELECT reltuples FROM pg_class WHERE oid = 'deliveries'::regclass").query(Double.class).single();
		assertThat(planned).isEqualTo((double) count("SELECT COUNT(*) FROM deliveries"));
	}

}
