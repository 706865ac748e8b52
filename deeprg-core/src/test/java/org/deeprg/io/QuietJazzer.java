package org.deeprg.io;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Keeps {@code mvn -q verify} quiet: in regression mode (no {@code JAZZER_FUZZ}) Jazzer's "INFO:" lines (hooks
 * loaded, classes instrumented: hundreds per run) are dropped; warnings, errors and findings still print. While
 * fuzzing ({@code JAZZER_FUZZ=1}) everything prints.
 */
final class QuietJazzer {
    private QuietJazzer() {
    }

    static void install() {
        if (System.getenv("JAZZER_FUZZ") != null) {
            return;
        }
        PrintStream err = System.err;
        PrintStream filtered = new PrintStream(new OutputStream() {
            private final StringBuilder line = new StringBuilder();

            @Override
            public synchronized void write(int b) {
                line.append((char) (b & 0xFF));
                if (b == '\n') {
                    flushLine();
                }
            }

            @Override
            public synchronized void flush() {
                if (line.length() > 0 && !line.toString().startsWith("INFO")) {
                    flushLine();
                }
            }

            private void flushLine() {
                String s = line.toString();
                line.setLength(0);
                if (!s.startsWith("INFO: ")) {
                    err.print(new String(s.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8));
                    err.flush();
                }
            }
        }, true, StandardCharsets.UTF_8);
        com.code_intelligence.jazzer.utils.Log.fixOutErr(System.out, filtered);
    }
}
