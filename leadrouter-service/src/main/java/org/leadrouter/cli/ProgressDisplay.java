package org.leadrouter.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import org.leadrouter.i18n.Messages;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.leadrouter.pipeline.RunProgress;

/**
 * Shows how far {@code run --apply} has got while it creates leads: a progress bar on a terminal (rows sent,
 * created, rate, time left), plain lines at most every {@link #LINE_INTERVAL} otherwise (a log, a pipe, cron), and
 * nothing at all when asked to be quiet.
 */
abstract class ProgressDisplay implements RunProgress, AutoCloseable {
    static final Duration LINE_INTERVAL = Duration.ofSeconds(10);

    /** The display for where the output goes: a terminal gets the bar (on standard error), others get lines. */
    static ProgressDisplay choose(boolean quiet, boolean terminal, PrintWriter lines) {
        if (quiet) {
            return new Silent();
        }
        return terminal ? new Bar(System.err) : new Lines(lines, LINE_INTERVAL, Clock.systemUTC());
    }

    @Override
    public abstract void close();

    /** Nothing shown. */
    static final class Silent extends ProgressDisplay {
        @Override
        public void rowSent(int done, int created, int total) {
        }

        @Override
        public void close() {
        }
    }

    /** A bar redrawn in place, with the rate and the time left (me.tongfei:progressbar). */
    static final class Bar extends ProgressDisplay {
        private final PrintStream terminal;
        private ProgressBar bar;

        Bar(PrintStream terminal) {
            this.terminal = terminal;
        }

        @Override
        public synchronized void rowSent(int done, int created, int total) {
            if (bar == null) {
                bar = new ProgressBarBuilder().setTaskName(Messages.t("progress.task")).setInitialMax(total)
                        .setStyle(ProgressBarStyle.UNICODE_BLOCK).setUnit(Messages.t("progress.unit"), 1).showSpeed()
                        .setConsumer(new ConsoleProgressBarConsumer(terminal)).setUpdateIntervalMillis(250)
                        .build();
            }
            bar.maxHint(total);
            bar.stepTo(done);
            bar.setExtraMessage(Messages.t("progress.created", created));
        }

        @Override
        public synchronized void close() {
            if (bar != null) {
                bar.close();
            }
        }
    }

    /**
     * One plain line now and then, and one at the end, for output that is not a terminal: when every row was sent,
     * or, when creating stopped early, at {@link #close()} with the rows actually sent.
     */
    static final class Lines extends ProgressDisplay {
        private final PrintWriter out;
        private final Duration interval;
        private final Clock clock;
        private long started = -1;
        private long lastLine;
        /** The last counts told, and whether a line has said them. */
        private int done;
        private int created;
        private int total;
        private boolean told = true;

        Lines(PrintWriter out, Duration interval, Clock clock) {
            this.out = out;
            this.interval = interval;
            this.clock = clock;
        }

        @Override
        public synchronized void rowSent(int done, int created, int total) {
            long now = clock.millis();
            if (started < 0) {
                started = now;
                lastLine = now;
            }
            this.done = done;
            this.created = created;
            this.total = total;
            told = false;
            if (done < total && now - lastLine < interval.toMillis()) {
                return;
            }
            line(now);
        }

        private void line(long now) {
            lastLine = now;
            told = true;
            double seconds = Math.max(now - started, 1) / 1000.0;
            double rate = (done - 1) / seconds; // measured from the first row sent
            long left = rate > 0 ? Math.round((total - done) / rate) : 0;
            out.println(Messages.t("progress.line", done, total, created, Math.round(rate * 10) / 10.0, left));
            out.flush();
        }

        @Override
        public synchronized void close() {
            if (!told) {
                line(clock.millis());
            }
        }
    }
}
