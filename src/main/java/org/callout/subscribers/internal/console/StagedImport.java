package org.callout.subscribers.internal.console;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.HttpSessionBindingEvent;
import jakarta.servlet.http.HttpSessionBindingListener;

/**
 * The file of a dry run, kept on disk between the preview and "Import these rows": a browser cannot send a file
 * again without the person choosing it again. One per session; replaced by the next dry run, deleted once imported
 * or when the session ends (the session unbinds it either way).
 */
final class StagedImport implements HttpSessionBindingListener {

	private static final String ATTRIBUTE = StagedImport.class.getName();

	final String token;

	final String filename;

	private final Path file;

	private StagedImport(String token, String filename, Path file) {
		this.token = token;
		this.filename = filename;
		this.file = file;
	}

	static StagedImport stage(HttpSession session, InputStream content, String filename) throws IOException {
		Path file = Files.createTempFile("callout-import-", ".csv");
		try (content) {
			Files.copy(content, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
		}
		StagedImport staged = new StagedImport(UUID.randomUUID().toString(), filename, file);
		session.setAttribute(ATTRIBUTE, staged);
		return staged;
	}

	/** The staged file of this session if its token is the one the form carries. */
	static StagedImport find(HttpSession session, String token) {
		return session.getAttribute(ATTRIBUTE) instanceof StagedImport staged && staged.token.equals(token)
				&& Files.exists(staged.file) ? staged : null;
	}

	static void discard(HttpSession session) {
		session.removeAttribute(ATTRIBUTE);
	}

	InputStream open() {
		try {
			return Files.newInputStream(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void valueUnbound(HttpSessionBindingEvent event) {
		try {
			Files.deleteIfExists(file);
		}
		catch (IOException ex) {
			file.toFile().deleteOnExit();
		}
	}

}
