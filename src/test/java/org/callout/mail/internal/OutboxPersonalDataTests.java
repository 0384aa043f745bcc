package org.callout.mail.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.callout.platform.AddressHasher;
import org.callout.platform.EmailAddress;
import org.callout.platform.PersonRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The outbox's files to a person, found by the keyed hash of their To address, shown and deleted. */
class OutboxPersonalDataTests {

	private final AddressHasher hasher = new AddressHasher("test-hash-key-0123456789abcdef");

	@TempDir
	Path outbox;

	@Test
	void anAccessRequestListsOnlyTheFilesAddressedToThePersonWhateverTheCase() throws Exception {
		write("20261201-1.eml", "\"Ana Pérez\" <Ana@Example.org>", "Confirm your subscription");
		write("20261201-2.eml", "ben@example.org", "Confirm your subscription");
		write("20261201-3.eml", "ana@example.org", "CALL your Senator");

		List<OutboxPersonalData.OutboxFile> files = new OutboxPersonalData(outbox, hasher).describe(person("ANA@example.org"));

		assertThat(files).extracting(OutboxPersonalData.OutboxFile::file).containsExactly("20261201-1.eml", "20261201-3.eml");
		assertThat(files).extracting(OutboxPersonalData.OutboxFile::subject).containsExactly("Confirm your subscription", "CALL your Senator");
	}

	@Test
	void anErasureDeletesThePersonsFilesAndLeavesEveryoneElses() throws Exception {
		write("20261201-1.eml", "ana@example.org", "Confirm your subscription");
		write("20261201-2.eml", "ben@example.org", "Confirm your subscription");
		Files.writeString(outbox.resolve("notes.txt"), "To: ana@example.org\r\n\r\n");

		new OutboxPersonalData(outbox, hasher).erase(person("ana@example.org"));

		try (var left = Files.list(outbox)) {
			assertThat(left.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("20261201-2.eml", "notes.txt");
		}
	}

	@Test
	void anOutboxThatWasNeverWrittenHoldsNothing() {
		OutboxPersonalData data = new OutboxPersonalData(outbox.resolve("missing"), hasher);

		assertThat(data.describe(person("ana@example.org"))).isEmpty();
	}

	private PersonRef person(String address) {
		return new PersonRef(hasher.hash(EmailAddress.parse(address).matchKey()), List.of(), List.of());
	}

	private void write(String name, String to, String subject) throws Exception {
		Files.writeString(outbox.resolve(name), "From: action@example.org\r\nTo: " + to + "\r\nSubject: " + subject
				+ "\r\nDate: Tue, 1 Dec 2026 10:00:00 +0000\r\n\r\nHello\r\n");
	}

}
