package org.callout.subscribers.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The lock an erasure and each import chunk take first (migration V88), inside their transaction, so neither can
 * act on what the other has not committed.
 */
@Component
public class PersonWrites {

	private final JdbcClient jdbc;

	PersonWrites(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Waits for the other writer's transaction, then holds the lock until this one ends. */
	public void lock() {
		jdbc.sql("SELECT name FROM person_write_lock WHERE name = 'people' FOR UPDATE").query(String.class).single();
	}

}
