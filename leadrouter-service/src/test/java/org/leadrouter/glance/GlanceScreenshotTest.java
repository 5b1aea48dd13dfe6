package org.leadrouter.glance;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leadrouter.i18n.Language;
import org.leadrouter.i18n.Messages;

/**
 * The page in a real browser: Debian's headless Chromium renders it to a PNG, in which the header and the three
 * colours of the load bars must appear where the page puts them. Skipped, saying so, where Chromium is absent
 * (CI installs it). The screenshot is kept as target/glance/hoy.png (the README's docs/hoy.png comes from it).
 */
class GlanceScreenshotTest {
    private static final int WIDTH = 1000;

    @TempDir
    Path dir;

    @Test
    void chromiumRendersTheHeaderAndTheBarsInTheirColours() throws Exception {
        Path chromium = chromium();
        Assumptions.assumeTrue(chromium != null,
                "SKIPPED: no chromium on the PATH (apt-get install chromium), so the page was not rendered");
        Path html = Files.writeString(dir.resolve("hoy.html"),
                TodayPage.render(TodayPageTest.sample(), Messages.of(Language.ES), true), StandardCharsets.UTF_8);
        Path png = Files.createDirectories(Path.of("target", "glance")).resolve("hoy.png");
        Files.deleteIfExists(png);

        List<String> command = new ArrayList<>(List.of(chromium.toString(), "--headless", "--no-sandbox",
                "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--hide-scrollbars", "--force-device-scale-factor=1",
                "--user-data-dir=" + dir.resolve("profile"), "--window-size=" + WIDTH + ",1120",
                "--screenshot=" + png.toAbsolutePath(), html.toUri().toString()));
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("chromium.log").toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("chromium did not finish within 120 s");
        }
        assertThat(png).as(Files.readString(dir.resolve("chromium.log"))).exists();

        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(WIDTH);
        assertThat(count(image, 0x17365d)).as("header background").isGreaterThan(WIDTH * 40);
        assertThat(count(image, 0xc62828)).as("red bar of the advisor at the cap").isGreaterThan(300 * 15);
        assertThat(count(image, 0xef6c00)).as("orange bar of the advisor near the cap").isGreaterThan(250 * 15);
        assertThat(count(image, 0x2e7d32)).as("green bar of the advisor with room").isGreaterThan(50 * 15);
        // drawn to scale on 320 px: red 25 of 25 (all of it), orange 21 of 25 (269 px), and the widest green the
        // whole team's 51 of 75 (218 px)
        assertThat(widest(image, 0xc62828)).isBetween(315, 325);
        assertThat(widest(image, 0xef6c00)).isBetween(264, 274);
        assertThat(widest(image, 0x2e7d32)).isBetween(213, 223);
    }

    private static Path chromium() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            for (String name : List.of("chromium", "chromium-browser")) {
                Path candidate = Path.of(dir, name);
                if (Files.isExecutable(candidate)) {
                    return candidate;
                }
            }
        }
        return null;
    }

    private static int count(BufferedImage image, int rgb) {
        int n = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                n += (image.getRGB(x, y) & 0xFFFFFF) == rgb ? 1 : 0;
            }
        }
        return n;
    }

    /** The longest horizontal run of one colour, in pixels. */
    private static int widest(BufferedImage image, int rgb) {
        int best = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            int run = 0;
            for (int x = 0; x < image.getWidth(); x++) {
                run = (image.getRGB(x, y) & 0xFFFFFF) == rgb ? run + 1 : 0;
                best = Math.max(best, run);
            }
        }
        return best;
    }
}
