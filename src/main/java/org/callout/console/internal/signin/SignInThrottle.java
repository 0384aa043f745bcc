package org.callout.console.internal.signin;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * Failed sign-ins, counted per account (or typed name that is no account, so the answer never tells which names
 * exist) and per client address. More failures within the window than allowed lock the key: first for
 * {@code firstLock}, and each failure after a lock ends doubles it, up to {@code longestLock}. While a key is locked
 * no password is checked at all, right or wrong: that is what stops guessing. Kept in memory per instance: with N
 * instances an attacker gets N times the attempts, still a handful of guesses per lock.
 */
@Component
class SignInThrottle {

	// An attacker spraying names or addresses must not fill the heap: past this many keys the ones not locked go.
	private static final int MOST_KEYS = 100_000;

	private final Map<String, State> states = new ConcurrentHashMap<>();

	private final ConsoleProperties.SignIn settings;

	private final Clock clock;

	SignInThrottle(ConsoleProperties properties, Clock clock) {
		this.settings = properties.signIn();
		this.clock = clock;
	}

	/** A lock that a failure just started: logged and audited once, when it starts. */
	record Lock(String key, int failures, Instant until) {
	}

	/** Until when a sign-in to this account or from this address must wait; empty when it may try now. */
	Optional<Instant> lockedUntil(String account, String address) {
		Instant now = clock.instant();
		Instant until = null;
		for (String key : new String[] { accountKey(account), addressKey(address) }) {
			State state = states.get(key);
			if (state != null && state.lockedUntil != null && state.lockedUntil.isAfter(now)) {
				until = until == null || state.lockedUntil.isAfter(until) ? state.lockedUntil : until;
			}
		}
		return Optional.ofNullable(until);
	}

	/** Counts a failure against the account and the address; answers the locks it started. */
	java.util.List<Lock> failed(String account, String address) {
		Instant now = clock.instant();
		if (states.size() > MOST_KEYS) {
			states.values().removeIf(state -> state.lockedUntil == null || !state.lockedUntil.isAfter(now));
		}
		java.util.List<Lock> started = new java.util.ArrayList<>(2);
		count(accountKey(account), settings.accountFailures(), now).ifPresent(started::add);
		count(addressKey(address), settings.addressFailures(), now).ifPresent(started::add);
		return started;
	}

	/** A good sign-in clears its account's failures; not its address's, or one known account would reset them. */
	void succeeded(String account) {
		states.remove(accountKey(account));
	}

	private Optional<Lock> count(String key, int allowed, Instant now) {
		State state = states.compute(key, (k, old) -> old == null || old.forgotten(now, settings.window()) ? new State() : old);
		synchronized (state) {
			state.failures++;
			state.lastFailure = now;
			if (state.failures <= allowed) {
				return Optional.empty();
			}
			Duration lock = state.lastLock == null ? settings.firstLock() : min(state.lastLock.multipliedBy(2), settings.longestLock());
			state.lastLock = lock;
			state.lockedUntil = now.plus(lock);
			return Optional.of(new Lock(key, state.failures, state.lockedUntil));
		}
	}

	private static Duration min(Duration a, Duration b) {
		return a.compareTo(b) <= 0 ? a : b;
	}

	static String accountKey(String account) {
		return "account:" + account;
	}

	/** The address, with IPv6 cut to its /64: one subscriber line holds the whole /64. */
	static String addressKey(String address) {
		if (address == null || !address.contains(":") || !address.matches("[0-9A-Fa-f:.]+")) {
			return "address:" + address;
		}
		try {
			byte[] bytes = InetAddress.getByName(address).getAddress();
			return bytes.length == 16 ? "address:" + HexFormat.of().formatHex(bytes, 0, 8) + "::/64" : "address:" + address;
		}
		catch (UnknownHostException notAnAddress) {
			return "address:" + address;
		}
	}

	private static final class State {

		int failures;

		Instant lastFailure;

		Instant lockedUntil;

		Duration lastLock;

		boolean forgotten(Instant now, Duration window) {
			boolean locked = lockedUntil != null && lockedUntil.isAfter(now);
			Instant since = lockedUntil != null && lockedUntil.isAfter(lastFailure) ? lockedUntil : lastFailure;
			return !locked && since.plus(window).isBefore(now);
		}

	}

}
