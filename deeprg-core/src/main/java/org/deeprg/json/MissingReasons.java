package org.deeprg.json;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.Map;

/**
 * A result record whose missing numbers have reasons known only at run time. {@link Json} asks
 * {@link #missingReasons()} for the reason of every non-finite number it writes as {@code null}: the key is the
 * property name, the value the reason written beside it as {@code <name>Reason}. The map itself is not written.
 */
public interface MissingReasons {
    /** Property name to reason, for the properties that are missing in this instance (others may be absent). */
    @JsonIgnore
    Map<String, String> missingReasons();
}
