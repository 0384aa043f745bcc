package org.callout.support;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.WebDriverException;
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

	private Browser() {
	}

	/**
	 * A wait of up to 15 s on the page, checked every 50 ms: Selenium's default of every 500 ms adds up to half a
	 * second to each wait for a page that is already there a moment later.
	 */
	public static WebDriverWait waiting(ChromeDriver driver) {
		return new WebDriverWait(driver, Duration.ofSeconds(15), Duration.ofMillis(50));
	}

	// One idle browser per shape, handed to the next test that asks for that shape: a Chromium start was about a
	// second, and some hundred tests each started one. Given back cleared (below); never shared by two tests at once.
	private static final Map<String, ChromeDriver> IDLE = new HashMap<>();

	private static final Map<ChromeDriver, String> SHAPES = new HashMap<>();

	static {
		Runtime.getRuntime().addShutdownHook(new Thread(Browser::quitIdle, "browser-quit"));
	}

	/** A headless browser with no cookies, cache or open page of an earlier test; give it back with {@link #release}. */
	public static ChromeDriver start() {
		return start(1280, 900, true);
	}

	public static synchronized ChromeDriver start(int width, int height, boolean javascript) {
		String shape = width + "x" + height + (javascript ? "" : "-nojs");
		ChromeDriver idle = IDLE.remove(shape);
		if (idle != null) {
			try {
				idle.getWindowHandle(); // Still there: a browser can die while it waits.
				return idle;
			}
			catch (WebDriverException ex) {
				SHAPES.remove(idle);
				quietly(idle);
			}
		}
		ChromeDriver driver = launch(width, height, javascript);
		SHAPES.put(driver, shape);
		return driver;
	}

	/**
	 * Clears what a test left (every cookie of every site, the cache, other windows, the page) and keeps the browser
	 * for the next test of its shape; one that cannot be cleared is quit.
	 */
	public static synchronized void release(ChromeDriver driver) {
		String shape = SHAPES.get(driver);
		if (shape != null && IDLE.get(shape) == driver) {
			return; // Given back already.
		}
		try {
			List<String> windows = new ArrayList<>(driver.getWindowHandles());
			for (String window : windows.subList(1, windows.size())) {
				driver.switchTo().window(window).close();
			}
			driver.switchTo().window(windows.getFirst());
			driver.get("about:blank");
			driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
			driver.executeCdpCommand("Network.clearBrowserCache", Map.of());
		}
		catch (WebDriverException | java.util.NoSuchElementException ex) {
			shape = null;
		}
		if (shape == null || IDLE.containsKey(shape)) {
			SHAPES.remove(driver);
			driver.quit();
			return;
		}
		IDLE.put(shape, driver);
	}

	private static synchronized void quitIdle() {
		IDLE.values().forEach(Browser::quietly);
		IDLE.clear();
	}

	private static void quietly(ChromeDriver driver) {
		try {
			driver.quit();
		}
		catch (RuntimeException ex) {
			// Gone already, or going down anyway.
		}
	}

	private static ChromeDriver launch(int width, int height, boolean javascript) {
		requireChromium();
		// Belt and braces: Selenium Manager must not run even if some code path asks for it.
		System.setProperty("webdriver.chrome.driver", CHROMEDRIVER);
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
		ChromeDriver driver = new ChromeDriver(service, options);
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
