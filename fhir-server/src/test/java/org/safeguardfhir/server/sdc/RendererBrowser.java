package org.safeguardfhir.server.sdc;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium, driven through Debian's chromedriver. Both paths are given to Selenium, so Selenium
 * Manager is never consulted and nothing is downloaded; a machine without them fails the test and says what to
 * install (.ci/run installs them).
 */
final class RendererBrowser implements AutoCloseable {

    static final File CHROMIUM = new File("/usr/bin/chromium");
    static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");

    /** Where screenshots go, for a person to look at after the build. */
    static final Path SCREENSHOTS = Path.of("target/renderer");

    private final Path profile;
    private final ChromeDriverService service;
    private final ChromeDriver driver;

    private RendererBrowser() throws IOException {
        profile = Files.createTempDirectory("sdc-renderer-chromium");
        service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER)
                .usingAnyFreePort()
                .build();
        var options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-dev-shm-usage",
                // Loopback only: no host name but 127.0.0.1 resolves, so nothing on the page reaches further.
                "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
                "--user-data-dir=" + profile,
                // Tall enough for most of a form, so that clicks rarely need the page to scroll under them.
                "--window-size=1280,2400");
        try {
            driver = new ChromeDriver(service, options);
        } catch (RuntimeException e) {
            service.stop();
            deleteProfile();
            throw e;
        }
        // Rendering waits on the server's value-set expansions; a cold HAPI can take a while for the first one.
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
    }

    static RendererBrowser start() {
        for (File executable : new File[] {CHROMIUM, CHROMEDRIVER}) {
            if (!executable.canExecute()) {
                throw new IllegalStateException(executable + " is missing: the SDC renderer test needs Debian's"
                        + " Chromium and chromedriver (apt-get install -y chromium chromium-driver, as .ci/run does)");
            }
        }
        try {
            return new RendererBrowser();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    ChromeDriver driver() {
        return driver;
    }

    /** Saves the whole form, also the part outside the window, as target/renderer/{@code name}.png. */
    Path screenshot(String name) {
        @SuppressWarnings("unchecked")
        var size = (Map<String, Number>) ((JavascriptExecutor) driver)
                .executeScript("var form = document.getElementById('formContainer').getBoundingClientRect();"
                        + " return {width: window.innerWidth, height: Math.ceil(form.bottom + window.scrollY) + 8};");
        // Chromium's own full-page capture, through chromedriver: Selenium has one for Firefox only.
        Map<String, Object> shot = driver.executeCdpCommand(
                "Page.captureScreenshot",
                Map.of(
                        "format",
                        "png",
                        "captureBeyondViewport",
                        true,
                        "clip",
                        Map.of("x", 0, "y", 0, "width", size.get("width"), "height", size.get("height"), "scale", 1)));
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            service.stop();
            deleteProfile();
        }
    }

    private void deleteProfile() {
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder())
                    .forEach(file -> file.toFile().delete());
        } catch (IOException e) {
            // A leftover temp profile is harmless.
        }
    }
}
