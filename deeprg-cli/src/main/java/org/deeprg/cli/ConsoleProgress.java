package org.deeprg.cli;

import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicLong;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.deeprg.run.Progress;

/**
 * A progress bar with ETA on stderr. It appears only once a phase has run for {@link #DELAY_MILLIS}, so short
 * computations print nothing; it is never created when stderr is not a terminal (the launcher exports
 * {@code DEEPRG_STDERR_TTY=1} when it is) or with {@code --quiet}.
 */
final class ConsoleProgress implements Progress {
    /** Phases shorter than this show no bar. */
    static final long DELAY_MILLIS = 1500;

    private final PrintStream err;
    private final AtomicLong done = new AtomicLong();
    private volatile long total;
    private volatile String label;
    private volatile long startMillis;
    private ProgressBar bar;

    private ConsoleProgress(PrintStream err) {
        this.err = err;
    }

    /** A progress sink for the CLI: a bar if stderr is a terminal and not quiet, else nothing. */
    static Progress create(boolean quiet) {
        boolean tty = "1".equals(System.getenv("DEEPRG_STDERR_TTY"));
        return quiet || !tty ? Progress.NONE : new ConsoleProgress(System.err);
    }

    @Override
    public synchronized void start(String label, long total) {
        finish();
        this.label = label;
        this.total = total;
        this.done.set(0);
        this.startMillis = System.currentTimeMillis();
    }

    @Override
    public void advance(long steps) {
        long d = done.addAndGet(steps);
        if (bar == null) {
            if (System.currentTimeMillis() - startMillis < DELAY_MILLIS || label == null) {
                return;
            }
            synchronized (this) {
                if (bar == null && label != null) {
                    bar = new ProgressBarBuilder().setTaskName(label).setInitialMax(total)
                            .setStyle(ProgressBarStyle.ASCII).setConsumer(new ConsoleProgressBarConsumer(err))
                            .setUpdateIntervalMillis(250).showSpeed().build();
                }
            }
        }
        ProgressBar b = bar;
        if (b != null) {
            b.stepTo(d);
        }
    }

    @Override
    public synchronized void finish() {
        if (bar != null) {
            bar.stepTo(total);
            bar.close();
            bar = null;
        }
        label = null;
    }
}
