package org.callout.support;

import java.util.Map;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

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
