package dk.queue.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.Duration;

/** axe-core run in one page of a test's browser, as {@link AccessibilityIT} runs it in every page. */
final class AccessibilityScan {
  private AccessibilityScan() {}

  /** Asserts that axe-core finds no WCAG 2.x A/AA violation in the page as it is now. */
  static void assertClean(Browser b, String page) throws Exception {
    b.driver.executeScript(Files.readString(AccessibilityIT.AXE));
    b.driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
    String found = (String) b.driver.executeAsyncScript(AccessibilityIT.RUN);
    assertThat(found).as("axe-core's violations in " + page).isEqualTo("[]");
  }
}
