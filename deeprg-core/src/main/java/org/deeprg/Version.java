package org.deeprg;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** deeprg's version, from the build. */
public final class Version {
    private Version() {
    }

    /** The Maven project version, e.g. {@code 0.1.0-SNAPSHOT}. */
    public static String get() {
        try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
