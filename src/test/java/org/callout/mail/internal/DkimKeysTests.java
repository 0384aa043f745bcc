package org.callout.mail.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;

import java.io.StringWriter;

import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.PKCS8Generator;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.callout.mail.MailProperties;
import org.callout.platform.Masking;
import org.callout.support.DkimTestKeys;
import org.callout.support.TempDirectories;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Which keys sign, and the one sentence each unusable key stops start-up with (never quoting the key). */
class DkimKeysTests {

	private static final KeyPair PAIR = DkimTestKeys.RSA_2048;

	@Test
	void pkcs8AndPkcs1PemAndAOneLineFormWithEscapedNewlinesAreRead() throws Exception {
		String pkcs8 = DkimTestKeys.pem(PAIR.getPrivate());
		byte[] pkcs1Der = PrivateKeyInfo.getInstance(PAIR.getPrivate().getEncoded()).parsePrivateKey().toASN1Primitive().getEncoded();
		String pkcs1 = DkimTestKeys.pem("RSA PRIVATE KEY", pkcs1Der);

		assertThat(DkimKeys.load(inline(pkcs8))).isEqualTo(PAIR.getPrivate());
		assertThat(DkimKeys.load(inline(pkcs1)).getModulus()).isEqualTo(((java.security.interfaces.RSAKey) PAIR.getPrivate()).getModulus());
		assertThat(DkimKeys.load(inline(pkcs8.strip().replace("\n", "\\n")))).isEqualTo(PAIR.getPrivate());
	}

	@Test
	void aKeyFileIsRead() throws Exception {
		Path file = TempDirectories.create("callout-dkim-key-").resolve("dkim.pem");
		Files.writeString(file, DkimTestKeys.pem(PAIR.getPrivate()));

		assertThat(DkimKeys.load(new MailProperties.Dkim(null, null, null, file.toString()))).isEqualTo(PAIR.getPrivate());
	}

	@Test
	void textThatIsNotPemIsRefusedWithoutQuotingIt() {
		String secret = "-----BEGIN PRIVATE KEY-----\nSECRETx0x0x0notbase64!!\n-----END PRIVATE KEY-----\n";

		assertRefused(inline("SECRETx0x0x0 just some text"), "The DKIM private key in CALLOUT_MAIL_DKIM_PRIVATE_KEY is not a private key in PEM", "SECRETx0x0x0");
		assertRefused(inline(secret), "CALLOUT_MAIL_DKIM_PRIVATE_KEY is", "SECRETx0x0x0");
	}

	@Test
	void aKeyThatIsNotRsaOrTooShortOrPublicIsRefused() {
		assertRefused(inline(DkimTestKeys.pem(DkimTestKeys.generate("EC", 256).getPrivate())), "is an EC key, not RSA", null);
		assertRefused(inline(DkimTestKeys.pem(DkimTestKeys.generate("RSA", 512).getPrivate())), "has only 512 bits", null);
		assertRefused(inline(DkimTestKeys.pem(PAIR.getPublic())), "holds no private key", null);
	}

	@Test
	void anEncryptedKeyIsRefused() throws Exception {
		StringWriter pem = new StringWriter();
		try (JcaPEMWriter writer = new JcaPEMWriter(pem)) {
			writer.writeObject(new JcaPKCS8Generator(PAIR.getPrivate(),
					new JceOpenSSLPKCS8EncryptorBuilder(PKCS8Generator.AES_256_CBC).setProvider(new BouncyCastleProvider())
						.setPassword("passphrase".toCharArray())
						.build()));
		}

		assertThat(pem.toString()).startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----");
		assertRefused(inline(pem.toString()), "is encrypted", null);
	}

	@Test
	void aMissingFileOrBothSettingsAreRefused() {
		assertRefused(new MailProperties.Dkim(null, null, null, "/nonexistent/dkim.pem"),
				"The DKIM private key file /nonexistent/dkim.pem does not exist.", null);
		assertRefused(new MailProperties.Dkim(null, null, DkimTestKeys.pem(PAIR.getPrivate()), "/etc/dkim.pem"), "Both", null);
	}

	@Test
	void anInvalidSigningDomainIsRefusedAtStartUp() {
		assertThatThrownBy(() -> new DkimMessageSigner("localhost", "callout",
				DkimKeys.load(inline(DkimTestKeys.pem(PAIR.getPrivate())))))
			.isInstanceOf(DkimKeyException.class)
			.hasMessageContaining("d=localhost");
	}

	@Test
	void theFailureAnalysisIsTheSentenceAndWhatToDo() {
		DkimKeyException failure = new DkimKeyException("The DKIM private key file /x does not exist.");

		FailureAnalysis analysis = new DkimKeyFailureAnalyzer().analyze(new BeanCreationException("mailComposer", failure));

		assertThat(analysis.getDescription()).isEqualTo("The DKIM private key file /x does not exist.");
		assertThat(analysis.getAction()).contains("unset both to leave signing to the relay");
	}

	@Test
	void thePropertiesNeverPrintTheKey() {
		String pem = DkimTestKeys.pem(PAIR.getPrivate());
		MailProperties.Dkim dkim = inline(pem);

		assertThat(dkim.toString()).isEqualTo("Dkim[d=the sender's domain, s=callout]").doesNotContain("PRIVATE");
		assertThat(new MailProperties(null, null, null, null, null, null, null, null, dkim).toString()).doesNotContain("PRIVATE");
		assertThat(Masking.text("config: " + pem + " end")).isEqualTo("config: [private key]\n end");
		assertThat(Masking.text("one line: " + pem.strip().replace("\n", "\\n") + ".")).isEqualTo("one line: [private key].");
		assertThat(Masking.text("a \"BEGIN PRIVATE KEY\" block")).isEqualTo("a \"BEGIN PRIVATE KEY\" block");
	}

	private static MailProperties.Dkim inline(String pem) {
		return new MailProperties.Dkim(null, null, pem, null);
	}

	private static void assertRefused(MailProperties.Dkim dkim, String sentence, String neverQuoted) {
		assertThatThrownBy(() -> DkimKeys.load(dkim)).isInstanceOf(DkimKeyException.class)
			.hasMessageContaining(sentence)
			.satisfies(ex -> {
				if (neverQuoted != null) {
					assertThat(ex.getMessage()).doesNotContain(neverQuoted);
				}
				assertThat(ex.getCause()).isNull();
			});
	}

}
