package io.recouvra.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The browser of the browser tests (portal, dashboard, Tasklist): Debian's chromium, headless, driven by its chromedriver (both installed
 * by {@code .ci/run}), one per test; and where their screenshots go ({@code target/screenshots/}, copied to
 * {@code docs/} by hand).
 */
public final class Chromium {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private Chromium() {
    }

    /** A browser 1024 px wide and this high, with these chromium preferences and extra arguments. */
    public static ChromeDriver open(int windowHeight, Map<String, Object> preferences, String... arguments) {
        var options = new ChromeOptions()
                .setBinary("/usr/bin/chromium")
                .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1024," + windowHeight)
                .addArguments(arguments);
        if (!preferences.isEmpty()) {
            options.setExperimentalOption("prefs", preferences);
        }
        var driver = new ChromeDriverService.Builder().usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile())
                .usingAnyFreePort().build();
        return new ChromeDriver(driver, options);
    }

    public static ChromeDriver open(int windowHeight) {
        return open(windowHeight, Map.of());
    }

    public static void screenshot(ChromeDriver browser, String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), SCREENSHOTS.resolve(name + ".png"),
                StandardCopyOption.REPLACE_EXISTING);
    }
}
