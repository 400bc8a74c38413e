package org.tabale.app;

import java.io.File;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A real headless Chromium for the dashboard's tests: Debian's {@code chromium} and
 * {@code chromedriver} (found on the PATH or in /usr/bin; never downloaded), fails with what to
 * install when they are missing.
 */
final class Chromium {

    private Chromium() {
    }

    static WebDriver start() {
        File binary = executable("chromium", "/usr/bin/chromium");
        File driver = executable("chromedriver", "/usr/bin/chromedriver");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(binary);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=1400,1500", "--lang=en-US");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(driver).build();
        return new ChromeDriver(service, options);
    }

    private static File executable(String name, String usual) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            File candidate = new File(dir, name);
            if (candidate.canExecute()) {
                return candidate;
            }
        }
        File candidate = new File(usual);
        if (!candidate.canExecute()) {
            throw new IllegalStateException(name + " not found: DashboardIT drives Debian's chromium and chromium-driver "
                    + "(apt-get install -y chromium chromium-driver; .ci/run installs them when missing)");
        }
        return candidate;
    }
}
