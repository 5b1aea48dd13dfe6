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
 * The page in a real browser: Debian's headless Chromium renders it to a PNG, at a desk's width and at a phone's
 * (390 px), in which the header and the three colours of the load bars must appear where the page puts them. Skipped, saying so, where Chromium is absent
 * (CI installs it). The screenshot is kept as target/glance/hoy.png (the README's docs/hoy.png comes from it).
 */
class GlanceScreenshotTest {
    private static final int WIDTH = 1000;
    private static final int PHONE_WIDTH = 390;

    @TempDir
    Path dir;

    @Test
    void chromiumRendersTheHeaderAndTheBarsInTheirColours() throws Exception {
        BufferedImage image = screenshot(WIDTH, 1440, "hoy.png");

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

    @Test
    void atAPhonesWidthEveryBarFitsWithItsCountAndKeepsItsScale() throws Exception {
        BufferedImage image = screenshot(PHONE_WIDTH, 1600, "hoy-390.png");

        assertThat(image.getWidth()).isEqualTo(PHONE_WIDTH);
        assertThat(count(image, 0x17365d)).as("header background").isGreaterThan(PHONE_WIDTH * 40);
        int y = firstRowWith(image, 0xef6c00);
        assertThat(y).as("an orange bar is drawn").isPositive();
        int start = firstX(image, y, 0xef6c00);
        int orange = runFrom(image, y, start, 0xef6c00);
        int track = runFrom(image, y, start + orange, 0xe6e9ee);
        // the whole track is on the screen (not cut at the edge) and the bar is still drawn to scale: 21 of 25
        assertThat(start + orange + track).as("end of the track").isLessThan(PHONE_WIDTH - 40);
        assertThat(orange / (double) (orange + track)).isBetween(0.80, 0.88);
        assertThat(darkPixelsRightOf(image, y, start + orange + track)).as("the count beside the bar").isPositive();
    }

    @Test
    void atAPhonesWidthThePageNeverScrollsSidewaysItsWideTablesScrollInTheirBoxes() throws Exception {
        // a probe for this test only (the page itself carries no script): the page turns magenta when wider than
        // the screen, and a marker green when not, so that a probe that did not run cannot pass
        String probe = "<script>document.body.style.background = document.documentElement.scrollWidth > innerWidth"
                + " ? '#ff00ff' : '#00ff01';</script>";
        String page = TodayPage.render(TodayPageTest.sample(), Messages.of(Language.ES), true);
        BufferedImage image = screenshot(PHONE_WIDTH, 1600, "hoy-390-probe.png",
                page.replace("</body>", probe + "</body>"));

        assertThat(count(image, 0xff00ff)).as("page wider than the phone").isZero();
        assertThat(count(image, 0x00ff01)).as("the probe ran").isPositive();
    }

    /** The page of {@link TodayPageTest#sample()} rendered by headless Chromium at {@code width} pixels. */
    private BufferedImage screenshot(int width, int height, String name) throws Exception {
        return screenshot(width, height, name, TodayPage.render(TodayPageTest.sample(), Messages.of(Language.ES), true));
    }

    private BufferedImage screenshot(int width, int height, String name, String page) throws Exception {
        Path chromium = chromium();
        Assumptions.assumeTrue(chromium != null,
                "SKIPPED: no chromium on the PATH (apt-get install chromium), so the page was not rendered");
        Path html = Files.writeString(dir.resolve("hoy.html"), page, StandardCharsets.UTF_8);
        Path png = Files.createDirectories(Path.of("target", "glance")).resolve(name);
        Files.deleteIfExists(png);

        List<String> command = new ArrayList<>(List.of(chromium.toString(), "--headless", "--no-sandbox",
                "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--hide-scrollbars", "--force-device-scale-factor=1",
                "--user-data-dir=" + dir.resolve("profile-" + width), "--window-size=" + width + "," + height,
                "--screenshot=" + png.toAbsolutePath(), html.toUri().toString()));
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("chromium.log").toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("chromium did not finish within 120 s");
        }
        assertThat(png).as(Files.readString(dir.resolve("chromium.log"))).exists();
        return ImageIO.read(png.toFile());
    }

    private static int firstRowWith(BufferedImage image, int rgb) {
        for (int y = 0; y < image.getHeight(); y++) {
            if (firstX(image, y, rgb) >= 0) {
                return y + 8; // into the bar, below its rounded corner
            }
        }
        return -1;
    }

    private static int firstX(BufferedImage image, int y, int rgb) {
        for (int x = 0; x < image.getWidth(); x++) {
            if ((image.getRGB(x, y) & 0xFFFFFF) == rgb) {
                return x;
            }
        }
        return -1;
    }

    private static int runFrom(BufferedImage image, int y, int x, int rgb) {
        int n = 0;
        while (x + n < image.getWidth() && (image.getRGB(x + n, y) & 0xFFFFFF) == rgb) {
            n++;
        }
        return n;
    }

    /** Pixels of dark text in the bar's row band, right of {@code x}. */
    private static int darkPixelsRightOf(BufferedImage image, int y, int x) {
        int n = 0;
        for (int yy = Math.max(0, y - 10); yy < Math.min(image.getHeight(), y + 10); yy++) {
            for (int xx = x; xx < image.getWidth(); xx++) {
                int rgb = image.getRGB(xx, yy);
                int lum = ((rgb >> 16) & 0xFF) + ((rgb >> 8) & 0xFF) + (rgb & 0xFF);
                n += lum < 200 ? 1 : 0;
            }
        }
        return n;
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
