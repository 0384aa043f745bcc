package org.callout.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.springframework.util.FileSystemUtils;

/**
 * The packaged jar started the way Spring Boot documents its fastest start: extracted
 * ({@code java -Djarmode=tools -jar callout.jar extract}) and with an ahead-of-time class cache written by one
 * training run ({@code -Dspring.context.exit=onRefresh}): on JDK 25 and later the JVM's AOT cache
 * ({@code -XX:AOTCacheOutput}, then {@code -XX:AOTCache}), before that a CDS archive. The same classes with the same
 * behaviour, loaded and linked ahead of time: for tests that start the jar many times (crash tests restart it after
 * every kill). Measured on this project's 2 shared cores, at a load of 8 to 12, a start on PostgreSQL took 10–12 s
 * this way and 30–43 s plain. The cache is kept beside the jar (target/callout-aot) and trained again when the jar
 * changes; if training fails, the plain jar is used and the reason printed.
 */
public final class TrainedJar {

	private static final Map<Path, TrainedJar> TRAINED = new HashMap<>();

	// The tests' services live for seconds to a minute, mostly starting up: C2's compiling was CPU they spent on
	// nothing (the five integration tests took 254 s with it, 214 s without).
	private static final String CLIENT_COMPILER = "-XX:TieredStopAtLevel=1";

	private final List<String> command;

	private TrainedJar(List<String> command) {
		this.command = List.copyOf(command);
	}

	/** The jar, trained once per jar file (the training itself starts it on PostgreSQL once). */
	public static synchronized TrainedJar of(Path jar) {
		return TRAINED.computeIfAbsent(jar.toAbsolutePath().normalize(), TrainedJar::train);
	}

	public ServiceProcess start(Path workDir, Map<String, String> environment) throws IOException {
		return ServiceProcess.start(command, workDir, environment);
	}

	private static TrainedJar train(Path jar) {
		Path home = jar.resolveSibling("callout-aot");
		boolean aotCache = Runtime.version().feature() >= 25;
		Path cache = home.resolve(aotCache ? "callout.aot" : "callout.jsa");
		Path app = home.resolve("app/callout.jar");
		List<String> plain = List.of(ServiceProcess.java(), "-jar", jar.toString());
		try {
			String stamp = Files.size(jar) + "-" + Files.getLastModifiedTime(jar).toMillis() + "-" + Runtime.version() + "-" + CLIENT_COMPILER;
			Path stampFile = home.resolve("trained-for");
			if (!(Files.exists(cache) && Files.exists(stampFile) && Files.readString(stampFile).equals(stamp))) {
				long started = System.nanoTime();
				FileSystemUtils.deleteRecursively(home);
				Files.createDirectories(home);
				run(home, List.of(ServiceProcess.java(), "-Djarmode=tools", "-jar", jar.toString(), "extract", "--destination",
						home.resolve("app").toString()), Map.of());
				Path workDir = Files.createDirectories(home.resolve("training"));
				FileSystemUtils.copyRecursively(Path.of("config"), workDir.resolve("config"));
				FileSystemUtils.copyRecursively(Path.of("templates"), workDir.resolve("templates"));
				// On PostgreSQL like the tests, so that its driver's classes are in the cache too.
				Map<String, String> environment = new HashMap<>(
						JarBlastDatabase.fresh().environment("aot-training", ServiceProcess.freePort(), Map.of()));
				environment.put("PORT", String.valueOf(ServiceProcess.freePort()));
				run(workDir, List.of(ServiceProcess.java(), CLIENT_COMPILER, (aotCache ? "-XX:AOTCacheOutput=" : "-XX:ArchiveClassesAtExit=") + cache,
						"-Dspring.context.exit=onRefresh", "-jar", app.toString()), environment);
				if (!Files.exists(cache)) {
					throw new IllegalStateException("the training run wrote no " + cache);
				}
				Files.writeString(stampFile, stamp);
				System.out.printf("trained jar: %s in %.1f s%n", cache.getFileName(), (System.nanoTime() - started) / 1e9);
			}
			return new TrainedJar(List.of(ServiceProcess.java(), CLIENT_COMPILER, (aotCache ? "-XX:AOTCache=" : "-XX:SharedArchiveFile=") + cache,
					"-jar", app.toString()));
		}
		catch (IOException | RuntimeException ex) {
			System.out.println("trained jar: not trained, the plain jar is used: " + ex);
			return new TrainedJar(plain);
		}
	}

	private static void run(Path workDir, List<String> command, Map<String, String> environment) throws IOException {
		Path log = Files.createTempFile("callout-training-", ".log");
		ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command)).directory(workDir.toFile())
			.redirectErrorStream(true)
			.redirectOutput(log.toFile());
		builder.environment().clear();
		builder.environment().put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
		builder.environment().putAll(environment);
		Process process = builder.start();
		try {
			if (!process.waitFor(Duration.ofMinutes(3).toSeconds(), TimeUnit.SECONDS)) {
				process.destroyForcibly();
				throw new IllegalStateException(String.join(" ", command) + " did not end:\n" + Files.readString(log));
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			process.destroyForcibly();
			throw new IllegalStateException("interrupted", ex);
		}
		if (process.exitValue() != 0) {
			throw new IllegalStateException(String.join(" ", command) + " exited with " + process.exitValue() + ":\n"
					+ Files.readString(log));
		}
		Files.deleteIfExists(log);
	}

	@Override
	public String toString() {
		return String.join(" ", command);
	}

}
