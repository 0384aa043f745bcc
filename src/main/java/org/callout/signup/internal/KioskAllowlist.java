package org.callout.signup.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.callout.platform.Cidr;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Networks exempt from the per-IP signup limit, for tabling events where many people sign up on one
 * venue's Wi-Fi. Kept in the database (organizers edit it at run time, every instance sees it) and cached
 * for a few seconds.
 */
@Component
public class KioskAllowlist {

	/** The longest label an entry may have. */
	public static final int MAX_LABEL = 200;

	public record Entry(String cidr, String label, Instant createdAt) {
	}

	private static final Duration CACHE = Duration.ofSeconds(5);

	private final JdbcClient jdbc;

	private final Clock clock;

	private volatile List<Cidr> cached = List.of();

	private volatile Instant loadedAt = Instant.EPOCH;

	KioskAllowlist(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	boolean covers(String address) {
		if (clock.instant().isAfter(loadedAt.plus(CACHE)) || clock.instant().isBefore(loadedAt)) {
			reload();
		}
		return cached.stream().anyMatch(cidr -> cidr.contains(address));
	}

	/** A kiosk range is one venue's network: at most a /16 for IPv4 or a /48 for IPv6. */
	public static boolean tooWide(Cidr cidr) {
		return cidr.prefixLength() < (cidr.isIpv4() ? 16 : 48);
	}

	public List<Entry> all() {
		return jdbc.sql("SELECT cidr, label, created_at FROM kiosk_allowlist ORDER BY created_at, cidr")
			.query((rs, row) -> new Entry(rs.getString(1), rs.getString(2), rs.getObject(3, OffsetDateTime.class).toInstant()))
			.list();
	}

	/** Returns false when the range was listed already. */
	public boolean add(Cidr cidr, String label) {
		int added = jdbc.sql("INSERT INTO kiosk_allowlist (cidr, label, created_at) VALUES (:cidr, :label, :now) ON CONFLICT DO NOTHING")
			.param("cidr", cidr.canonical())
			.param("label", label)
			.param("now", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
			.update();
		reload();
		return added == 1;
	}

	public boolean remove(String cidr) {
		int removed = jdbc.sql("DELETE FROM kiosk_allowlist WHERE cidr = :cidr").param("cidr", cidr).update();
		reload();
		return removed == 1;
	}

	private void reload() {
		cached = all().stream().flatMap(e -> Cidr.parse(e.cidr()).stream()).toList();
		loadedAt = clock.instant();
	}

}
