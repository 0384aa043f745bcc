package org.callout.bills.internal;

import java.util.List;

import org.callout.bills.TrackedBill;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for the sponsors of each print: replaced whole whenever they are set, in the order given. */
@Repository
class SponsorStore {

	private static final String OF_PRINT = """
			SELECT role, legislator_id, openleg_member_id, name FROM bill_sponsors
			WHERE print_id = :print ORDER BY CASE role WHEN 'SPONSOR' THEN 0 WHEN 'COSPONSOR' THEN 1 ELSE 2 END, position""";

	private static final String INSERT = """
			INSERT INTO bill_sponsors (print_id, role, position, legislator_id, openleg_member_id, name)
			VALUES (:print, :role, :position, :legislator, :member, :name)""";

	private final JdbcClient jdbc;

	SponsorStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<TrackedBill.Sponsor> ofPrint(long printId) {
		return jdbc.sql(OF_PRINT)
			.param("print", printId)
			.query((rs, row) -> new TrackedBill.Sponsor(rs.getString(1), (Long) rs.getObject(2, Long.class),
					(Integer) rs.getObject(3, Integer.class), rs.getString(4)))
			.list();
	}

	/** Replaces the print's sponsors; call inside a transaction. */
	void replace(long printId, List<TrackedBill.Sponsor> sponsors) {
		jdbc.sql("DELETE FROM bill_sponsors WHERE print_id = :print").param("print", printId).update();
		for (int i = 0; i < sponsors.size(); i++) {
			TrackedBill.Sponsor sponsor = sponsors.get(i);
			jdbc.sql(INSERT)
				.param("print", printId)
				.param("role", sponsor.role())
				.param("position", i)
				.param("legislator", sponsor.legislatorId())
				.param("member", sponsor.openlegMemberId())
				.param("name", sponsor.name())
				.update();
		}
	}

}
