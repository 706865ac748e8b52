package org.deeprg.study;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;

/** The registry of studies (ServiceLoader), in report order: by paper, then id. */
public final class Studies {
    private Studies() {
    }

    /** All registered studies. */
    public static List<Study> all() {
        List<Study> out = new ArrayList<>();
        ServiceLoader.load(Study.class).forEach(out::add);
        out.sort(Comparator.comparing(Study::paper).thenComparing(Study::id));
        return out;
    }
}
