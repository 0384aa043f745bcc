package org.callout.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

/**
 * Verifies DKIM signatures with an independent implementation, offline: Debian's python3-dkim through the
 * system {@code /usr/bin/python3} (a pyenv python3 on the PATH lacks the module). Its DNS lookup is replaced
 * by a function that knows one record, the test's public key at {@code <selector>._domainkey.<domain>}, so a
 * signature naming another selector or domain fails as it would in the wild. Where the verifier is missing a
 * test is skipped with the reason, except under {@code CI=true} (.ci/run installs it), where that fails it.
 */
public final class DkimVerifier {

	private static final Path PYTHON = Path.of("/usr/bin/python3");

	// One process for many messages: argv = the DNS name, the key record, then the files; one line per file.
	private static final String SCRIPT = """
			import dkim, sys
			name, record, files = sys.argv[1], sys.argv[2].encode(), sys.argv[3:]
			def dns(qname, timeout=5):
			    asked = qname.decode() if isinstance(qname, bytes) else qname
			    return record if asked.rstrip('.').lower() == name else None
			for f in files:
			    with open(f, 'rb') as m:
			        print('pass' if dkim.verify(m.read(), dnsfunc=dns) else 'fail')
			""";

	private final String name;

	private final String record;

	/** A verifier that finds {@code key} at {@code selector._domainkey.domain}, or the test is skipped (failed under CI). */
	public DkimVerifier(String selector, String domain, PublicKey key) {
		requireAvailable();
		this.name = (selector + "._domainkey." + domain).toLowerCase(java.util.Locale.ROOT);
		this.record = "v=DKIM1; k=rsa; p=" + Base64.getEncoder().encodeToString(key.getEncoded());
	}

	public boolean verifies(byte[] message) {
		return verifyAll(List.of(message)).get(0);
	}

	/** Each message's verdict, in order. */
	public List<Boolean> verifyAll(List<byte[]> messages) {
		try {
			Path dir = TempDirectories.create("callout-dkim-");
			List<String> command = new ArrayList<>(List.of(PYTHON.toString(), "-c", SCRIPT, name, record));
			for (int i = 0; i < messages.size(); i++) {
				Path file = dir.resolve(i + ".eml");
				Files.write(file, messages.get(i));
				command.add(file.toString());
			}
			Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
			if (!process.waitFor(60, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				throw new IllegalStateException("python3-dkim took longer than 60 s");
			}
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			List<String> lines = output.lines().filter(line -> line.equals("pass") || line.equals("fail")).toList();
			if (process.exitValue() != 0 || lines.size() != messages.size()) {
				throw new IllegalStateException("python3-dkim failed (exit " + process.exitValue() + "): " + output);
			}
			return lines.stream().map("pass"::equals).toList();
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not run " + PYTHON, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static void requireAvailable() {
		String missing = missing();
		if (missing != null) {
			if ("true".equalsIgnoreCase(System.getenv("CI"))) {
				throw new IllegalStateException("CI=true but " + missing + " (.ci/run installs python3-dkim)");
			}
			Assumptions.abort("Skipped: " + missing + " (apt-get install python3-dkim)");
		}
	}

	private static String missing() {
		if (!Files.isExecutable(PYTHON)) {
			return PYTHON + " is absent";
		}
		try {
			Process process = new ProcessBuilder(PYTHON.toString(), "-c", "import dkim").redirectErrorStream(true).start();
			boolean done = process.waitFor(30, TimeUnit.SECONDS);
			if (!done) {
				process.destroyForcibly();
			}
			return done && process.exitValue() == 0 ? null : "the dkim module of " + PYTHON + " is absent";
		}
		catch (IOException ex) {
			return PYTHON + " cannot run (" + ex.getMessage() + ")";
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return "interrupted while looking for python3-dkim";
		}
	}

}
