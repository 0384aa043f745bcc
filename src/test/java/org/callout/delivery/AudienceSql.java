package org.callout.delivery;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.callout.platform.AddressHasher;
import org.callout.platform.EmailAddress;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Writes a blast's audience set-wise, straight into subscribers' and legislators' tables, for tests of thousands
 * (a signup and a confirmation through the API per person would take minutes). Subscribers are written in one
 * batch, with the email hash the subscribers module writes (the application's keyed hash of the address's match
 * key, which SQL cannot compute); memberships, suppressions and districts then with INSERT ... SELECT over a LIKE
 * pattern of the addresses.
 */
public final class AudienceSql {

	/** One person: the address as typed, the language, the ZIP (or null). */
	public record Person(String address, String language, String zip) {
	}

	private final JdbcClient jdbc;

	private final JdbcTemplate batch;

	private final AddressHasher hasher;

	private final OffsetDateTime now;

	public AudienceSql(JdbcClient jdbc, JdbcTemplate batch, AddressHasher hasher, Instant now) {
		this.jdbc = jdbc;
		this.batch = batch;
		this.hasher = hasher;
		this.now = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
	}

	public long listId(String slug) {
		return jdbc.sql("SELECT id FROM subscriber_lists WHERE slug = :slug").param("slug", slug).query(Long.class).single();
	}

	/** Writes the subscribers, first name Ana; memberships, districts and suppressions are separate. */
	public void subscribers(List<Person> people) {
		List<Object[]> rows = new ArrayList<>(people.size());
		for (Person person : people) {
			EmailAddress email = EmailAddress.parse(person.address());
			rows.add(new Object[] { email.value(), email.matchKey(), hasher.hash(email.matchKey()), "Ana", "Díaz", person.zip(),
					person.language(), now });
		}
		batch.batchUpdate("""
				INSERT INTO subscribers (email, email_key, email_hash, first_name, last_name, zip, language, created_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?)""", rows);
	}

	/** A membership of the list, with this status, for every subscriber whose match key is LIKE the pattern. */
	public int memberships(String like, long listId, String status) {
		return jdbc.sql("""
				INSERT INTO memberships (subscriber_id, list_id, status, updated_at)
				SELECT id, :list, :status, :now FROM subscribers WHERE email_key LIKE :like""")
			.param("list", listId).param("status", status).param("now", now).param("like", like).update();
	}

	/** Suppresses every address whose match key is LIKE the pattern, as an organizer would. */
	public int suppress(String like) {
		return jdbc.sql("""
				INSERT INTO suppressed_addresses (address_hash, reason, detail, source, suppressed_at)
				SELECT email_hash, 'organizer', 'written by a test', 'api', :now FROM subscribers WHERE email_key LIKE :like""")
			.param("now", now).param("like", like).update();
	}

	/** Gives every subscriber whose match key is LIKE the pattern the districts the lookup found for another. */
	public int copyDistricts(long fromSubscriber, String like) {
		return jdbc.sql("""
				INSERT INTO representations (subscriber_id, senate_district, assembly_district, senate_candidates,
				                             assembly_candidates, source, confidence, fingerprint, looked_up_at, note, attempts, retry_at)
				SELECT s.id, r.senate_district, r.assembly_district, r.senate_candidates, r.assembly_candidates, r.source,
				       r.confidence, r.fingerprint, r.looked_up_at, r.note, r.attempts, r.retry_at
				FROM subscribers s JOIN representations r ON r.subscriber_id = :from
				WHERE s.email_key LIKE :like""")
			.param("from", fromSubscriber).param("like", like).update();
	}

	/**
	 * Districts written by hand: {@code confidence} as the lookup writes it ({@code exact}, {@code ambiguous},
	 * {@code unknown}, {@code outside-ny}), a null district where none is known.
	 */
	public int districts(String like, String senate, String assembly, String confidence) {
		return jdbc.sql("""
				INSERT INTO representations (subscriber_id, senate_district, assembly_district, source, confidence, fingerprint,
				                             looked_up_at, attempts)
				SELECT s.id, :senate, :assembly, 'zip', :confidence, 'test', :now, 1 FROM subscribers s WHERE s.email_key LIKE :like""")
			.param("senate", senate).param("assembly", assembly).param("confidence", confidence).param("now", now)
			.param("like", like).update();
	}

}
