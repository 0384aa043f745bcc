package org.callout.subscribers.internal.imports;

import java.util.List;

import org.callout.platform.PersonRef;
import org.callout.platform.PersonalData;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Which imports named the person (the ids only: the files are not kept), and, at an erasure, the import's own rows
 * that point at their subscriber row: those waiting for a re-permission email or a district lookup. Erased before
 * the memberships and the subscriber row, whose foreign keys they hold.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE - 3)
class ImportPersonalData implements PersonalData {

	private static final String IMPORTS = """
			SELECT DISTINCT import_id FROM subscriber_import_pending WHERE subscriber_id IN (:ids)
			UNION SELECT DISTINCT import_id FROM subscriber_import_lookups WHERE subscriber_id IN (:ids)
			ORDER BY import_id""";

	private final JdbcClient jdbc;

	ImportPersonalData(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public String section() {
		return "imports";
	}

	@Override
	public List<Long> describe(PersonRef person) {
		if (person.subscriberIds().isEmpty()) {
			return List.of();
		}
		return jdbc.sql(IMPORTS).param("ids", person.subscriberIds()).query(Long.class).list();
	}

	@Override
	public void erase(PersonRef person) {
		for (long id : person.subscriberIds()) {
			jdbc.sql("DELETE FROM subscriber_import_pending WHERE subscriber_id = :id").param("id", id).update();
			jdbc.sql("DELETE FROM subscriber_import_lookups WHERE subscriber_id = :id").param("id", id).update();
		}
	}

}
