package org.callout.subscribers.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.callout.subscribers.SubscriberList;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** SQL for lists. */
@Repository
public class ListStore {

	private static final String COLUMNS = "SELECT id, slug, name, description, is_public, created_at FROM subscriber_lists ";

	// The default list may be created by several instances starting together: the slug's unique constraint
	// with ON CONFLICT DO NOTHING makes that a no-op for all but one.
	private static final String INSERT_IF_ABSENT = """
			INSERT INTO subscriber_lists (slug, name, description, is_public, created_at)
			VALUES (:slug, :name, :description, :public, :now)
			ON CONFLICT DO NOTHING""";

	private static final String UPDATE = """
			UPDATE subscriber_lists SET name = :name, description = :description, is_public = :public
			WHERE slug = :slug""";

	private final JdbcClient jdbc;

	ListStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Inserts the list unless its slug exists; returns whether it was inserted. */
	public boolean insertIfAbsent(String slug, String name, String description, boolean isPublic, Instant now) {
		return jdbc.sql(INSERT_IF_ABSENT)
			.param("slug", slug)
			.param("name", name)
			.param("description", description)
			.param("public", isPublic)
			.param("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
			.update() == 1;
	}

	public boolean update(String slug, String name, String description, boolean isPublic) {
		return jdbc.sql(UPDATE)
			.param("slug", slug)
			.param("name", name)
			.param("description", description)
			.param("public", isPublic)
			.update() == 1;
	}

	public Optional<SubscriberList> bySlug(String slug) {
		return jdbc.sql(COLUMNS + "WHERE slug = :slug").param("slug", slug).query(ListStore::list).optional();
	}

	public Optional<SubscriberList> byId(long id) {
		return jdbc.sql(COLUMNS + "WHERE id = :id").param("id", id).query(ListStore::list).optional();
	}

	public List<SubscriberList> all() {
		return jdbc.sql(COLUMNS + "ORDER BY id").query(ListStore::list).list();
	}

	private static SubscriberList list(ResultSet rs, int row) throws SQLException {
		return new SubscriberList(rs.getLong("id"), rs.getString("slug"), rs.getString("name"), rs.getString("description"),
				rs.getBoolean("is_public"), rs.getObject("created_at", OffsetDateTime.class).toInstant());
	}

}
