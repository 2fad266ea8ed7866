package io.pizza.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A real headless Chromium driven through ChromeDriver: Debian's {@code chromium} and
 * {@code chromium-driver} packages. Where they are missing and the tests run as root with
 * apt, they are installed first (once per machine); otherwise the test fails saying how
 * to install them. Nothing is downloaded from anywhere else.
 */
public final class Chromium {

	private static final Path BROWSER = Path.of(System.getProperty("pizza.chromium", "/usr/bin/chromium"));

	private static final Path DRIVER = Path.of(System.getProperty("pizza.chromedriver", "/usr/bin/chromedriver"));

	// held here: java.util.logging forgets the level of a logger nobody holds
	private static final Logger SELENIUM_LOG = Logger.getLogger("org.openqa.selenium");

	private static final String INSTALL = "apt-get install -y chromium chromium-driver";

	private Chromium() {
	}

	/**
	 * Logs in with the service's login form, as a person would, and stays logged in (a
	 * session cookie) for the pages that follow.
	 * @param service the service's address, such as {@code http://localhost:8085}
	 * @param username who logs in
	 */
	public static void logIn(ChromeDriver browser, String service, String username, String password) {
		browser.get(service + "/login");
		browser.findElement(By.id("username")).sendKeys(username);
		browser.findElement(By.id("password")).sendKeys(password);
		browser.findElement(By.cssSelector("button[type=submit]")).click();
	}

	/**
	 * Starts a headless browser with a fresh profile. Quit it when done.
	 * @param width the window's width in pixels
	 * @param height the window's height in pixels
	 * @return the driver of the running browser
	 */
	public static ChromeDriver start(int width, int height) {
		ensureInstalled();
		// Selenium warns that it has no DevTools bindings for this Chromium: none are
		// used
		SELENIUM_LOG.setLevel(Level.SEVERE);
		ChromeOptions options = new ChromeOptions();
		options.setBinary(BROWSER.toFile());
		options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
				"--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
				"--window-size=" + width + "," + height, "--user-data-dir=" + profile());
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
			.usingAnyFreePort()
			.build();
		return new ChromeDriver(service, options);
	}

	private static synchronized void ensureInstalled() {
		if (Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER)) {
			return;
		}
		boolean root = "root".equals(System.getProperty("user.name"));
		if (!root || !Files.isExecutable(Path.of("/usr/bin/apt-get"))) {
			throw new IllegalStateException("Browser tests need Debian's Chromium and ChromeDriver (" + BROWSER + ", "
					+ DRIVER + "): run `sudo " + INSTALL + "`");
		}
		System.out.println("[chromium] not installed: " + INSTALL);
		run(List.of("apt-get", "install", "-y", "-q", "chromium", "chromium-driver"));
		if (!Files.isExecutable(BROWSER)) {
			run(List.of("apt-get", "update", "-q"));
			run(List.of("apt-get", "install", "-y", "-q", "chromium", "chromium-driver"));
		}
	}

	private static void run(List<String> command) {
		try {
			Process process = new ProcessBuilder(command).inheritIO().start();
			if (!process.waitFor(10, TimeUnit.MINUTES)) {
				process.destroyForcibly();
				throw new IllegalStateException(String.join(" ", command) + " did not finish in 10 minutes");
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static Path profile() {
		try {
			return Files.createTempDirectory("pizza-chromium");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
