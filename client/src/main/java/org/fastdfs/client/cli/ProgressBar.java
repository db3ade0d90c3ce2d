package org.fastdfs.client.cli;

import java.io.PrintWriter;
import java.util.Locale;
import org.fastdfs.client.ProgressListener;

/** A one-line progress bar redrawn on stderr at most ten times a second. */
final class ProgressBar implements ProgressListener {

    private static final int WIDTH = 30;
    private static final long REDRAW_NANOS = 100_000_000L;

    private final PrintWriter err;
    private final String label;
    private final long threshold;
    private long lastDraw;
    private boolean done;

    ProgressBar(PrintWriter err, String label, long threshold) {
        this.err = err;
        this.label = label;
        this.threshold = threshold;
    }

    @Override
    public void onProgress(long transferred, long total) {
        if (total < threshold || done) {
            return;
        }
        long now = System.nanoTime();
        boolean finished = transferred >= total;
        if (!finished && now - lastDraw < REDRAW_NANOS) {
            return;
        }
        lastDraw = now;
        err.print("\r" + render(label, transferred, total));
        if (finished) {
            err.println();
            done = true;
        }
        err.flush();
    }

    static String render(String label, long transferred, long total) {
        double fraction = total == 0 ? 1 : Math.min(1, (double) transferred / total);
        int filled = (int) Math.round(fraction * WIDTH);
        return String.format(Locale.ROOT, "%s [%s%s] %3d%% %s / %s", label, "#".repeat(filled), "-".repeat(WIDTH - filled),
                (int) Math.floor(fraction * 100), size(transferred), size(total));
    }

    static String size(long bytes) {
        if (bytes < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KiB", bytes / 1024.0);
        }
        if (bytes < 1024L * 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024));
        }
        return String.format(Locale.ROOT, "%.2f GiB", bytes / (1024.0 * 1024 * 1024));
    }
}
