package org.callout.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

class LinkSignerTests {

	private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

	private final LinkSigner signer = new LinkSigner("current-key-0123456789abcdef", List.of());

	@Test
	void aTokenVerifiesToTheDataItCarriesUntilItExpires() {
		String token = signer.sign("confirm", "42:alpha", NOW.plus(Duration.ofDays(7)));

		assertThat(signer.verify("confirm", token, NOW.plus(Duration.ofDays(6))))
			.isEqualTo(new LinkSigner.Verification.Valid("42:alpha", NOW.plus(Duration.ofDays(7))));
		assertThat(signer.verify("confirm", token, NOW.plus(Duration.ofDays(7))))
			.isInstanceOf(LinkSigner.Verification.Expired.class);
	}

	@Test
	void aTamperedTokenIsInvalid() {
		String token = signer.sign("confirm", "42", NOW.plusSeconds(60));
		String otherBody = signer.sign("confirm", "43", NOW.plusSeconds(60));
		String forged = otherBody.substring(0, otherBody.indexOf('.')) + token.substring(token.indexOf('.'));

		assertThat(signer.verify("confirm", forged, NOW)).isInstanceOf(LinkSigner.Verification.Invalid.class);
		assertThat(signer.verify("confirm", token + "x", NOW)).isInstanceOf(LinkSigner.Verification.Invalid.class);
		assertThat(signer.verify("confirm", "garbage", NOW)).isInstanceOf(LinkSigner.Verification.Invalid.class);
		assertThat(signer.verify("confirm", "", NOW)).isInstanceOf(LinkSigner.Verification.Invalid.class);
		assertThat(signer.verify("confirm", null, NOW)).isInstanceOf(LinkSigner.Verification.Invalid.class);
	}

	@Test
	void aTokenForOnePurposeDoesNotVerifyForAnother() {
		String token = signer.sign("confirm", "42", NOW.plusSeconds(60));

		assertThat(signer.verify("unsubscribe", token, NOW)).isInstanceOf(LinkSigner.Verification.Invalid.class);
	}

	@Test
	void aTokenSignedWithAnUnknownKeyIsInvalid() {
		String token = new LinkSigner("some-other-key-0123456789", List.of()).sign("confirm", "42", NOW.plusSeconds(60));

		assertThat(signer.verify("confirm", token, NOW)).isInstanceOf(LinkSigner.Verification.Invalid.class);
	}

	@Test
	void aTokenSignedWithAConfiguredPreviousKeyStillVerifiesAfterRotation() {
		String oldToken = new LinkSigner("old-key-0123456789abcdef", List.of()).sign("confirm", "42", NOW.plusSeconds(60));
		LinkSigner rotated = new LinkSigner("new-key-0123456789abcdef", List.of("old-key-0123456789abcdef"));
		LinkSigner oldKeyRemoved = new LinkSigner("new-key-0123456789abcdef", List.of());

		assertThat(rotated.verify("confirm", oldToken, NOW)).isInstanceOf(LinkSigner.Verification.Valid.class);
		assertThat(oldKeyRemoved.verify("confirm", oldToken, NOW)).isInstanceOf(LinkSigner.Verification.Invalid.class);
	}

	@Test
	void newTokensAreSignedWithTheCurrentKey() {
		LinkSigner rotated = new LinkSigner("new-key-0123456789abcdef", List.of("old-key-0123456789abcdef"));
		String token = rotated.sign("confirm", "42", NOW.plusSeconds(60));

		assertThat(new LinkSigner("new-key-0123456789abcdef", List.of()).verify("confirm", token, NOW))
			.isInstanceOf(LinkSigner.Verification.Valid.class);
	}

	@Test
	void aPermanentTokenVerifiesAtAnyTimeAndOnlyForItsPurpose() {
		String token = signer.signPermanent("unsubscribe", "42:1.2:b7");

		assertThat(signer.verify("unsubscribe", token, NOW.plus(Duration.ofDays(365 * 80))))
			.isEqualTo(new LinkSigner.Verification.Valid("42:1.2:b7", Instant.MAX));
		assertThat(signer.verify("confirm", token, NOW)).isInstanceOf(LinkSigner.Verification.Invalid.class);
	}

	@Test
	void aPermanentTokenSignedWithARetiredKeyVerifiesWhileThatKeyIsKept() {
		String token = new LinkSigner("old-key-0123456789abcdef0123", List.of()).signPermanent("unsubscribe", "42:1:t");

		assertThat(new LinkSigner("new-key-0123456789abcdef0123", List.of("old-key-0123456789abcdef0123"))
			.verify("unsubscribe", token, NOW)).isInstanceOf(LinkSigner.Verification.Valid.class);
		assertThat(new LinkSigner("new-key-0123456789abcdef0123", List.of()).verify("unsubscribe", token, NOW))
			.isInstanceOf(LinkSigner.Verification.Invalid.class);
	}

}
