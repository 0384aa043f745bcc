package org.callout.support;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Assumptions;

/**
 * The project's shared public data, {@code ../shared/data/} from the project root. Tests read it there (never a
 * copy). Where it is absent a test skips with the reason, except under {@code CI=true}, where that fails it.
 */
public final class SharedData {

	private SharedData() {
	}

	/** A file or directory of the shared data, or the test is skipped (failed under CI) when it is absent. */
	public static Path file(String name) {
		Path path = Path.of("..", "shared", "data", name).toAbsolutePath().normalize();
		if (!Files.exists(path)) {
			String reason = "the shared data file " + path + " is absent";
			if ("true".equalsIgnoreCase(System.getenv("CI"))) {
				throw new IllegalStateException("CI=true but " + reason);
			}
			Assumptions.abort("Skipped: " + reason);
		}
		return path;
	}

}
