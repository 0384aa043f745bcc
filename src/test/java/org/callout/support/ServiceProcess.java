package org.callout.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;

/**
 * The packaged jar run as an operator runs it: {@code java -jar callout.jar} in a directory of its own, with
 * nothing but the environment given (the test's own environment is not inherited).
 */
public final class ServiceProcess implements AutoCloseable {

	private final Process process;

	private final Path log;

	private final int port;

	private ServiceProcess(Process process, Path log, int port) {
		this.process = process;
		this.log = log;
		this.port = port;
	}

	public static ServiceProcess start(Path jar, Path workDir, Map<String, String> environment) throws IOException {
		return start(List.of(java(), "-jar", jar.toAbsolutePath().toString()), workDir, environment);
	}

	/** Runs this command line (a java command, see {@link TrainedJar}) as the service. */
	public static ServiceProcess start(List<String> command, Path workDir, Map<String, String> environment) throws IOException {
		int port = freePort();
		Path log = Files.createTempFile("callout-service-", ".log");
		log.toFile().deleteOnExit();
		ProcessBuilder builder = new ProcessBuilder(command)
			.directory(workDir.toFile())
			.redirectErrorStream(true)
			.redirectOutput(log.toFile());
		builder.environment().clear();
		builder.environment().put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
		builder.environment().putAll(environment);
		builder.environment().put("PORT", String.valueOf(port));
		return new ServiceProcess(builder.start(), log, port);
	}

	/** The test's own JDK's java, which runs the service too. */
	public static String java() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

	public static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public int port() {
		return port;
	}

	public boolean alive() {
		return process.isAlive();
	}

	public String baseUrl() {
		return "http://127.0.0.1:" + port;
	}

	/** Waits until health is UP, or the process died (then the log says why). */
	public ServiceProcess awaitHealthy() {
		Awaitility.await("health UP on port " + port)
			.atMost(Duration.ofSeconds(90))
			.pollInterval(Duration.ofMillis(250))
			.until(() -> {
				if (!process.isAlive()) {
					throw new IllegalStateException("Callout exited with " + process.exitValue() + ":\n" + log());
				}
				return health().contains("\"status\":\"UP\"");
			});
		return this;
	}

	public String health() {
		try {
			return get("/actuator/health").body();
		}
		catch (IOException | InterruptedException ex) {
			return "";
		}
	}

	public HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).GET().build());
	}

	public HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
		try (HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build()) {
			return client.send(request, HttpResponse.BodyHandlers.ofString());
		}
	}

	/** Stops the service the way Ctrl-C does (SIGINT) and returns its exit code. */
	public int interrupt() throws IOException, InterruptedException {
		new ProcessBuilder("kill", "-INT", String.valueOf(process.pid())).start().waitFor();
		if (!process.waitFor(60, TimeUnit.SECONDS)) {
			process.destroyForcibly();
			throw new IllegalStateException("Callout did not stop within 60 s of SIGINT:\n" + log());
		}
		return process.exitValue();
	}

	/** Kills the service as {@code kill -9} does (SIGKILL: no shutdown hook runs) and waits until it is gone. */
	public void kill() throws InterruptedException {
		process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
	}

	/** Waits for a process expected to stop on its own (a refused start). */
	public int awaitExit() throws InterruptedException {
		return awaitExit(Duration.ofSeconds(90));
	}

	/** Waits this long at most for a process expected to stop on its own (a refused start, a halt). */
	public int awaitExit(Duration atMost) throws InterruptedException {
		if (!process.waitFor(atMost.toMillis(), TimeUnit.MILLISECONDS)) {
			process.destroyForcibly();
			throw new IllegalStateException("Callout did not exit:\n" + log());
		}
		return process.exitValue();
	}

	public String log() {
		try {
			return Files.readString(log);
		}
		catch (IOException ex) {
			return "(log unreadable: " + ex.getMessage() + ")";
		}
	}

	@Override
	public void close() {
		process.destroyForcibly();
	}

}
