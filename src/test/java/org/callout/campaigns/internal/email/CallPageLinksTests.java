package org.callout.campaigns.internal.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Clock;
import java.util.List;

import org.callout.platform.CalloutProperties;
import org.callout.platform.LinkSigner;
import org.junit.jupiter.api.Test;

/** Call-page links: what a blast's and a test send's token carry, and that nothing else verifies. */
class CallPageLinksTests {

	private final LinkSigner signer = new LinkSigner("a-key-for-call-page-links-0123456789", List.of());

	private final CallPageLinks links = new CallPageLinks(signer, new CalloutProperties(null,
			URI.create("https://act.example.org"), null, null, null, null, null, null, null, null), Clock.systemUTC());

	@Test
	void aBlastLinkNamesTheSupporterAndTheBlast() {
		String url = links.blastUrl(42, 7, "es");

		assertThat(url).startsWith("https://act.example.org/call/").endsWith("?lang=es");
		assertThat(links.verify(token(url))).contains(new CallPageLinks.Token(42, 7L, null, null, null));
	}

	@Test
	void aTestLinkCarriesTheZipTheBillAndTheAskAndIsATest() {
		CallPageLinks.Token token = links.verify(token(links.testUrl(0, " 12207-1234 ", 5L, "both", "en"))).orElseThrow();

		assertThat(token).isEqualTo(new CallPageLinks.Token(0, null, "12207", 5L, "both"));
		assertThat(token.test()).isTrue();
	}

	@Test
	void aTestLinkWithoutABillOrAWellFormedZipCarriesNeither() {
		assertThat(links.verify(token(links.testUrl(3, "12:207", null, "auto", "en"))))
			.contains(new CallPageLinks.Token(3, null, null, null, "auto"));
	}

	@Test
	void aTestLinkSignedBeforeTokensCarriedTheZipStillVerifiesAsATest() {
		assertThat(links.verify(signer.signPermanent("call", "9:t"))).contains(new CallPageLinks.Token(9, null, null, null, "auto"));
	}

	@Test
	void tokensOfAnotherPurposeOrShapeAreRefused() {
		assertThat(links.verify(signer.signPermanent("unsubscribe", "42:b7"))).isEmpty();
		assertThat(links.verify(signer.signPermanent("call", "42:x7"))).isEmpty();
		assertThat(links.verify(signer.signPermanent("call", "someone:b7"))).isEmpty();
		assertThat(links.verify(null)).isEmpty();
	}

	private static String token(String url) {
		return url.substring(url.indexOf("/call/") + 6, url.indexOf('?'));
	}

}
