package org.callout.platform;

import java.util.Arrays;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An IP address range such as {@code 203.0.113.0/24} or {@code 2001:db8::/48}; a bare address is a range of
 * one. Only literals are accepted, so parsing never asks DNS.
 */
public record Cidr(byte[] network, int prefixLength, String text) {

	private static final Pattern LITERAL = Pattern.compile("[0-9A-Fa-f:.]+");

	public static Optional<Cidr> parse(String value) {
		if (value == null || value.isBlank() || value.length() > 50) {
			return Optional.empty();
		}
		String trimmed = value.strip();
		int slash = trimmed.indexOf('/');
		String address = slash < 0 ? trimmed : trimmed.substring(0, slash);
		Optional<byte[]> bytes = literal(address);
		if (bytes.isEmpty()) {
			return Optional.empty();
		}
		int max = bytes.get().length * 8;
		int prefix;
		try {
			prefix = slash < 0 ? max : Integer.parseInt(trimmed.substring(slash + 1));
		}
		catch (NumberFormatException ex) {
			return Optional.empty();
		}
		if (prefix < 0 || prefix > max) {
			return Optional.empty();
		}
		return Optional.of(new Cidr(mask(bytes.get(), prefix), prefix, trimmed));
	}

	/** The bytes of an IP literal; empty for anything else (host names included). */
	public static Optional<byte[]> literal(String address) {
		if (address == null || address.isEmpty() || !LITERAL.matcher(address).matches()
				|| (address.indexOf(':') < 0 && address.chars().filter(c -> c == '.').count() != 3)) {
			return Optional.empty();
		}
		try {
			return Optional.of(InetAddress.getByName(address).getAddress());
		}
		catch (UnknownHostException ex) {
			return Optional.empty();
		}
	}

	/** The range in its canonical form: network address and prefix, e.g. 203.0.113.0/24 for 203.0.113.5/24. */
	public String canonical() {
		try {
			return InetAddress.getByAddress(network).getHostAddress() + "/" + prefixLength;
		}
		catch (UnknownHostException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public boolean isIpv4() {
		return network.length == 4;
	}

	public boolean contains(String address) {
		return literal(address).map(bytes -> bytes.length == network.length
				&& Arrays.equals(mask(bytes, prefixLength), network)).orElse(false);
	}

	/** The address with only its first {@code prefix} bits kept. */
	public static byte[] mask(byte[] address, int prefix) {
		byte[] masked = address.clone();
		for (int i = 0; i < masked.length; i++) {
			int keep = Math.max(0, Math.min(8, prefix - i * 8));
			masked[i] = (byte) (masked[i] & (0xFF << (8 - keep)));
		}
		return masked;
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof Cidr cidr && cidr.prefixLength == prefixLength && Arrays.equals(cidr.network, network);
	}

	@Override
	public int hashCode() {
		return Arrays.hashCode(network) * 31 + prefixLength;
	}

	@Override
	public String toString() {
		return text;
	}

}
