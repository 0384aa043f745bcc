package org.callout.support;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Real headless Chromium through Selenium, driven by the system's /usr/bin/chromedriver so Selenium Manager
 * never tries to download a browser. Where Chromium is missing a test skips with the reason, except under
 * {@code CI=true}, where that fails it.
 */
public final class Browser {

	public static final String CHROMIUM = "/usr/bin/chromium";

	public static final String CHROMEDRIVER = "/usr/bin/chromedriver";

	// Starting Chromium takes a second or two and quitting it most of one, for every test: so the browser the next
	// test will ask for is started while this one runs, and a browser quits in the background. Each test still gets
	// a browser of its own with a fresh profile, started for it alone, never one another test has used.
	private static final ExecutorService BACKGROUND = Executors.newSingleThreadExecutor(task -> {
		Thread thread = new Thread(task, "browser-background");
		thread.setDaemon(true);
		return thread;
	});

	/** The spare browser started for the next test asking for the same size and JavaScript setting. */
	private static final Map<List<Object>, Future<ChromeDriver>> SPARES = new HashMap<>();

	static {
		// At the end nothing is left running: unused spares quit, and every quit still queued is done.
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			List<Future<ChromeDriver>> spares;
			synchronized (SPARES) {
				spares = List.copyOf(SPARES.values());
				SPARES.clear();
			}
			for (Future<ChromeDriver> spare : spares) {
				try {
					spare.get(30, TimeUnit.SECONDS).quit();
				}
				catch (Exception ex) {
					// A spare that never started has nothing to quit.
				}
			}
			BACKGROUND.shutdown();
			try {
				BACKGROUND.awaitTermination(30, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}, "browser-quit"));
	}

	private Browser() {
	}

	/**
	 * A wait of up to 15 s on the page, checked every 50 ms: Selenium's default of every 500 ms adds up to half a
	 * second to each wait for a page that is already there a moment later.
	 */
	public static WebDriverWait waiting(ChromeDriver driver) {
		return new WebDriverWait(driver, Duration.ofSeconds(15), Duration.ofMillis(50));
	}

	/** A new headless browser; the caller quits it. */
	public static ChromeDriver start() {
		return start(1280, 900, true);
	}

	public static ChromeDriver start(int width, int height, boolean javascript) {
		requireChromium();
		// Belt and braces: Selenium Manager must not run even if some code path asks for it.
		System.setProperty("webdriver.chrome.driver", CHROMEDRIVER);
		List<Object> kind = List.of(width, height, javascript);
		Future<ChromeDriver> spare;
		synchronized (SPARES) {
			spare = SPARES.remove(kind);
			SPARES.put(kind, BACKGROUND.submit(() -> launch(width, height, javascript)));
		}
		if (spare != null) {
			try {
				return spare.get();
			}
			catch (ExecutionException ex) {
				// Started again below, in the test's own thread, where a failure shows as the test's.
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
		return launch(width, height, javascript);
	}

	private static ChromeDriver launch(int width, int height, boolean javascript) {
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM);
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
				"--disable-quic", "--window-size=" + width + "," + height, "--user-data-dir=" + freshProfile());
		if (!javascript) {
			options.addArguments("--blink-settings=scriptEnabled=false");
		}
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER))
			.usingAnyFreePort()
			.build();
		ChromeDriver driver = new ChromeDriver(service, options) {

			/** Quits in the background: the test is done with it, and the next one need not wait. */
			@Override
			public void quit() {
				BACKGROUND.execute(super::quit);
			}

		};
		driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
		if (width < 500) {
			// Headless Chromium keeps its window at least 500 px wide whatever --window-size says: narrow the
			// viewport itself (mobile=false, so overflow is never hidden by zooming out).
			driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
					Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", false));
		}
		return driver;
	}

	static void requireChromium() {
		boolean present = Files.isExecutable(Path.of(CHROMIUM)) && Files.isExecutable(Path.of(CHROMEDRIVER));
		if (!present) {
			String reason = "Chromium is not installed (" + CHROMIUM + " and " + CHROMEDRIVER
					+ "): apt-get install chromium chromium-driver";
			if ("true".equalsIgnoreCase(System.getenv("CI"))) {
				throw new IllegalStateException("CI=true but " + reason);
			}
			Assumptions.abort("Browser test skipped: " + reason);
		}
	}

	private static String freshProfile() {
		try {
			return TempDirectories.create("callout-chromium-").toString();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
