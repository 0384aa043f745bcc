package org.callout.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.util.FileSystemUtils;

/** Temporary directories that tests leave behind until the JVM ends, then removed: CI runs repeat. */
public final class TempDirectories {

	private static final List<Path> CREATED = new CopyOnWriteArrayList<>();

	static {
		Runtime.getRuntime().addShutdownHook(new Thread(() -> CREATED.forEach(dir -> {
			try {
				FileSystemUtils.deleteRecursively(dir);
			}
			catch (IOException ex) {
				// Best effort at JVM exit: a locked file stays behind in the system's temp directory.
			}
		})));
	}

	private TempDirectories() {
	}

	public static Path create(String prefix) throws IOException {
		Path dir = Files.createTempDirectory(prefix);
		CREATED.add(dir);
		return dir;
	}

}
