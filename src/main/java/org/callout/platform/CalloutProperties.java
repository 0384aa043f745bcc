package org.callout.platform;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Settings shared by every module.
 *
 * @param dataDir where the embedded database, the outbox and generated secrets live
 * @param publicBaseUrl the base of every link Callout puts in an email or page; never taken from a request
 * @param templatesDir the directory of email templates organizers edit
 * @param defaultLanguage the language used when a supporter's is not offered; the languages offered are those
 * with a consent text ({@code callout.consent.texts})
 * @param organization who is sending
 * @param secrets secrets, normally from environment variables; never in a file of the repository
 * @param maxRequestBody request bodies (API and forms) larger than this are refused with 413
 * @param trustedProxies proxies (IPs or CIDR ranges) whose X-Forwarded-For names the client; none by default
 * @param instanceId who owns this instance's work claims; blank: generated once into {@code <data-dir>/instance-id}
 * @param claims how claimed work (queued emails, deliveries) is kept alive and taken over
 */
@ConfigurationProperties("callout")
public record CalloutProperties(Path dataDir, URI publicBaseUrl, Path templatesDir, String defaultLanguage,
		Organization organization, Secrets secrets, DataSize maxRequestBody,
		List<String> trustedProxies, String instanceId, Claims claims) {

	public CalloutProperties {
		defaultLanguage = (defaultLanguage == null || defaultLanguage.isBlank()) ? "en" : defaultLanguage;
		organization = organization == null ? new Organization(null, null, null, null, null) : organization;
		secrets = secrets == null ? new Secrets(null, null, List.of(), null) : secrets;
		maxRequestBody = maxRequestBody == null ? DataSize.ofKilobytes(64) : maxRequestBody;
		trustedProxies = trustedProxies == null ? List.of() : List.copyOf(trustedProxies);
		claims = claims == null ? new Claims(null, null) : claims;
	}

	/**
	 * Claims on queued work (see {@link WorkClaims}).
	 *
	 * @param heartbeatInterval how often an instance renews the claims it holds
	 * @param expireAfter how long after its last heartbeat a claim may be taken by another instance; several
	 * heartbeat intervals, so a long garbage-collection pause does not hand work over
	 */
	public record Claims(Duration heartbeatInterval, Duration expireAfter) {

		public Claims {
			heartbeatInterval = heartbeatInterval == null ? Duration.ofSeconds(10) : heartbeatInterval;
			expireAfter = expireAfter == null ? Duration.ofMinutes(1) : expireAfter;
		}

	}

	/**
	 * The organization shown to supporters.
	 *
	 * @param name the name in From lines and consent text
	 * @param postalAddress the postal address printed in every email footer
	 * @param privacyPolicyUrl the privacy policy that consent refers to
	 * @param privacyPolicyVersion the version of that policy, recorded with every consent
	 * @param senderAddress the From address of every email
	 */
	public record Organization(String name, String postalAddress, URI privacyPolicyUrl, String privacyPolicyVersion,
			String senderAddress) {
	}

	/**
	 * Secrets. Empty values are generated under the data directory on the embedded database only.
	 *
	 * @param adminToken the bearer token for organizer APIs
	 * @param linkKey the key that signs new links
	 * @param linkPreviousKeys retired link keys whose links still verify until removed
	 * @param addressHashKey the key for hashing addresses; never rotates
	 */
	public record Secrets(String adminToken, String linkKey, List<String> linkPreviousKeys, String addressHashKey) {

		public Secrets {
			linkPreviousKeys = linkPreviousKeys == null ? List.of()
					: linkPreviousKeys.stream().filter(k -> k != null && !k.isBlank()).toList();
		}

		@Override
		public String toString() {
			return "Secrets[masked]";
		}
	}

}
