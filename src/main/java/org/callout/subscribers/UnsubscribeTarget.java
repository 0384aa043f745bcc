package org.callout.subscribers;

import java.util.List;
import java.util.Optional;

/**
 * What an unsubscribe link names: who, from which lists, and which email carried it.
 *
 * @param subscriberId the subscriber
 * @param listIds the lists the email was sent for ("from this list" leaves these); at least one
 * @param blastId the blast that sent the email, or null (a test send, or a fresh link asked for on the page)
 * @param test whether the email was a test send: its link shows the page and records nothing
 */
public record UnsubscribeTarget(long subscriberId, List<Long> listIds, Long blastId, boolean test) {

	public UnsubscribeTarget {
		listIds = List.copyOf(listIds);
		if (listIds.isEmpty()) {
			throw new IllegalArgumentException("An unsubscribe link names at least one list");
		}
	}

	/** The token's signed data: {@code subscriber:list.list:b<blast>|t|-}. */
	String encode() {
		String lists = String.join(".", listIds.stream().map(String::valueOf).toList());
		String carrier = test ? "t" : blastId == null ? "-" : "b" + blastId;
		return subscriberId + ":" + lists + ":" + carrier;
	}

	static Optional<UnsubscribeTarget> decode(String data) {
		String[] parts = data.split(":", -1);
		if (parts.length != 3 || parts[1].isEmpty()) {
			return Optional.empty();
		}
		try {
			long subscriber = Long.parseLong(parts[0]);
			List<Long> lists = java.util.Arrays.stream(parts[1].split("\\.", -1)).map(Long::parseLong).toList();
			return switch (parts[2]) {
				case "t" -> Optional.of(new UnsubscribeTarget(subscriber, lists, null, true));
				case "-" -> Optional.of(new UnsubscribeTarget(subscriber, lists, null, false));
				default -> parts[2].startsWith("b")
						? Optional.of(new UnsubscribeTarget(subscriber, lists, Long.parseLong(parts[2].substring(1)), false))
						: Optional.empty();
			};
		}
		catch (NumberFormatException ex) {
			return Optional.empty();
		}
	}

}
