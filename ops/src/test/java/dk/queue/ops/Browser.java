package dk.queue.ops;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** A real headless Debian chromium, driven through Debian's chromedriver. */
final class Browser implements AutoCloseable {
  static final Path SCREENSHOTS = Path.of("target", "screenshots");

  final ChromeDriver driver;

  Browser(int width, int height) throws Exception {
    this(width, height, "no-user-gesture-required");
  }

  /**
   * A browser that keeps a page's sound off until someone taps it, as Chromium does unless told
   * otherwise (a screen started without the README's autoplay flag).
   */
  static Browser silent(int width, int height) throws Exception {
    return new Browser(width, height, "document-user-activation-required");
  }

  private Browser(int width, int height, String autoplay) throws Exception {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(System.getProperty("chromium.binary", "/usr/bin/chromium"));
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-dev-shm-usage", "--autoplay-policy=" + autoplay, "--lang=da-DK",
        "--window-size=" + width + "," + height,
        "--user-data-dir=" + Files.createTempDirectory("chromium"));
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(Path.of(System.getProperty("chromedriver", "/usr/bin/chromedriver")).toFile())
        .usingAnyFreePort()
        .build();
    driver = new ChromeDriver(service, options);
    // The page gets exactly this size, as on a real screen; the window alone would leave less.
    driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
        java.util.Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", false));
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(20));
  }

  /**
   * A phone's screen, {@code width} CSS pixels wide: emulated, because a desktop window cannot be made
   * narrower than about 500 pixels.
   */
  static Browser phone(int width, int height) throws Exception {
    Browser b = new Browser(600, height + 200);
    b.driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
        java.util.Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", true));
    return b;
  }

  /** Waits for a condition; pages redraw live, so an element found a moment ago may be replaced. */
  WebDriverWait await(long seconds) {
    WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(seconds), Duration.ofMillis(50));
    wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
    return wait;
  }

  /** Saves a screenshot under target/screenshots for a person to look at. */
  Path screenshot(String name) throws Exception {
    Files.createDirectories(SCREENSHOTS);
    Path file = SCREENSHOTS.resolve(name + ".png");
    Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
    return file;
  }

  @Override
  public void close() {
    driver.quit();
  }
}
