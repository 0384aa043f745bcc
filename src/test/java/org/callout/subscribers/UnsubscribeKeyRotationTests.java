package org.callout.subscribers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.callout.platform.LinkSigner;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestPropertySource;

/** An unsubscribe link never expires: it works for as long as the key that signed it is kept. */
@TestPropertySource(properties = { "callout.secrets.link-key=rotated-current-key-0123456789",
		"callout.secrets.link-previous-keys=retired-key-0123456789abcdef" })
class UnsubscribeKeyRotationTests extends UnsubscribeFlowSupport {

	@Test
	void aLinkSignedWithARetiredKeyThatIsKeptStillUnsubscribes() throws Exception {
		Confirmed ana = confirmed(unique("retired-key"), "en");
		String token = new LinkSigner("retired-key-0123456789abcdef", List.of()).signPermanent(UnsubscribeLinks.PURPOSE,
				ana.linkForFirstList().encode());

		assertThat(oneClick("/u/" + token).statusCode()).isEqualTo(200);
		assertThat(status(ana.id(), ana.listIds().getFirst())).isEqualTo("UNSUBSCRIBED");
	}

	@Test
	void newLinksAreSignedWithTheCurrentKey() throws Exception {
		UnsubscribeTarget target = new UnsubscribeTarget(5, List.of(1L), 2L, false);

		assertThat(links.token(target))
			.isEqualTo(new LinkSigner("rotated-current-key-0123456789", List.of()).signPermanent(UnsubscribeLinks.PURPOSE, target.encode()));
	}

}
