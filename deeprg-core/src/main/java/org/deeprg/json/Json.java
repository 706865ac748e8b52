package org.deeprg.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.BeanPropertyWriter;
import com.fasterxml.jackson.databind.ser.BeanSerializerModifier;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The JSON configurations of deeprg.
 *
 * <ul>
 *   <li>{@link #write(Object)} / {@link #results()}: what users read ({@code result.json}, {@code claims.json},
 *       {@code provenance.json}, {@code --json}). Records by component names, pretty-printed. <b>No non-numbers</b>:
 *       a NaN or infinite {@code double}/{@code float} (also inside arrays, lists and maps) is written as
 *       {@code null}, and a property of a record that holds one gets a sibling {@code <name>Reason} string saying why
 *       (from {@link MissingReasons}, else the {@link Missing} annotation, else a generic "not computed").
 *       So {@code result.json} never holds the string {@code "NaN"}, and a reader can tell "not computed" from zero.</li>
 *   <li>{@link #mapper()}: exact state, for files deeprg reads back (checkpoints): non-finite doubles are written as
 *       the strings {@code "NaN"}, {@code "Infinity"}, {@code "-Infinity"} and read back bit-exactly.</li>
 * </ul>
 */
public final class Json {
    private static final ObjectMapper EXACT = JsonMapper.builder()
            .enable(JsonWriteFeature.WRITE_NAN_AS_STRINGS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .build();

    private static final ObjectMapper RESULTS = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .addModule(missingValuesModule())
            .build();

    private Json() {
    }

    /**
     * The exact-state mapper (non-finite numbers as strings, read back exactly): for checkpoints and other files
     * deeprg reads back. Thread-safe.
     */
    public static ObjectMapper mapper() {
        return EXACT;
    }

    /** The results mapper (non-finite numbers as {@code null} with a {@code <name>Reason} beside). Thread-safe. */
    public static ObjectMapper results() {
        return RESULTS;
    }

    /** Pretty result JSON of {@code value} (see {@link #results()}). */
    public static String write(Object value) {
        try {
            return RESULTS.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + value.getClass().getName() + ": " + e.getMessage(), e);
        }
    }

    // ---------------------------------------------------------------------------------------------------------

    private static SimpleModule missingValuesModule() {
        SimpleModule m = new SimpleModule("deeprg-missing-values");
        JsonSerializer<Double> d = new JsonSerializer<>() {
            @Override
            public void serialize(Double v, JsonGenerator g, SerializerProvider p) throws IOException {
                writeDouble(g, v);
            }
        };
        JsonSerializer<Float> f = new JsonSerializer<>() {
            @Override
            public void serialize(Float v, JsonGenerator g, SerializerProvider p) throws IOException {
                if (Float.isFinite(v)) {
                    g.writeNumber(v);
                } else {
                    g.writeNull();
                }
            }
        };
        m.addSerializer(Double.class, d);
        m.addSerializer(double.class, d);
        m.addSerializer(Float.class, f);
        m.addSerializer(float.class, f);
        m.addSerializer(double[].class, new JsonSerializer<>() {
            @Override
            public void serialize(double[] v, JsonGenerator g, SerializerProvider p) throws IOException {
                g.writeStartArray(v, v.length);
                for (double x : v) {
                    writeDouble(g, x);
                }
                g.writeEndArray();
            }
        });
        m.addSerializer(float[].class, new JsonSerializer<>() {
            @Override
            public void serialize(float[] v, JsonGenerator g, SerializerProvider p) throws IOException {
                g.writeStartArray(v, v.length);
                for (float x : v) {
                    if (Float.isFinite(x)) {
                        g.writeNumber(x);
                    } else {
                        g.writeNull();
                    }
                }
                g.writeEndArray();
            }
        });
        m.setSerializerModifier(new BeanSerializerModifier() {
            @Override
            public List<BeanPropertyWriter> changeProperties(SerializationConfig config, BeanDescription desc,
                                                             List<BeanPropertyWriter> props) {
                Set<String> names = new HashSet<>();
                props.forEach(w -> names.add(w.getName()));
                List<BeanPropertyWriter> out = new ArrayList<>(props.size());
                for (BeanPropertyWriter w : props) {
                    if (mayBeNonFinite(w.getType()) && !names.contains(w.getName() + "Reason")) {
                        out.add(new ReasonWriter(w));
                    } else {
                        out.add(w);
                    }
                }
                return out;
            }
        });
        return m;
    }

    private static void writeDouble(JsonGenerator g, double x) throws IOException {
        if (Double.isFinite(x)) {
            g.writeNumber(x);
        } else {
            g.writeNull();
        }
    }

    private static boolean mayBeNonFinite(JavaType t) {
        Class<?> c = t.getRawClass();
        if (c == double.class || c == Double.class || c == float.class || c == Float.class || c == double[].class
                || c == float[].class || c == Number.class || c == Object.class) {
            return true;
        }
        if (t.isCollectionLikeType() || t.isArrayType() || t.isMapLikeType()) {
            return mayBeNonFinite(t.getContentType()) || t.getContentType().isContainerType();
        }
        return false;
    }

    /** Writes a property as usual (non-finite numbers become null) and, if it held one, a {@code <name>Reason}. */
    private static final class ReasonWriter extends BeanPropertyWriter {
        private static final long serialVersionUID = 1L;

        ReasonWriter(BeanPropertyWriter base) {
            super(base);
        }

        @Override
        public void serializeAsField(Object bean, JsonGenerator gen, SerializerProvider prov) throws Exception {
            super.serializeAsField(bean, gen, prov);
            Object value = get(bean);
            String generic = nonFinite(value);
            if (generic == null) {
                return;
            }
            String reason = null;
            if (bean instanceof MissingReasons r) {
                Map<String, String> m = r.missingReasons();
                reason = m == null ? null : m.get(getName());
            }
            if (reason == null) {
                Missing a = getAnnotation(Missing.class);
                reason = a != null ? a.value() : generic;
            }
            gen.writeStringField(getName() + "Reason", reason);
        }

        /** Null if {@code v} holds only finite numbers, else a generic reason. */
        private static String nonFinite(Object v) {
            if (v instanceof Double x) {
                return Double.isFinite(x) ? null : generic(x.isNaN());
            }
            if (v instanceof Float x) {
                return Float.isFinite(x) ? null : generic(x.isNaN());
            }
            long[] counts = new long[2];
            count(v, counts, 0);
            return counts[0] == 0 ? null : counts[0] + " of " + counts[1]
                    + " entries were not computed or overflowed (written as null)";
        }

        /** counts[0] += non-finite numbers, counts[1] += numbers, in nested arrays, collections and maps. */
        private static void count(Object v, long[] counts, int depth) {
            if (depth > 8 || v == null) {
                return;
            }
            if (v instanceof Double x) {
                counts[1]++;
                counts[0] += Double.isFinite(x) ? 0 : 1;
            } else if (v instanceof Float x) {
                counts[1]++;
                counts[0] += Float.isFinite(x) ? 0 : 1;
            } else if (v instanceof double[] a) {
                for (double x : a) {
                    counts[1]++;
                    counts[0] += Double.isFinite(x) ? 0 : 1;
                }
            } else if (v instanceof float[] a) {
                for (float x : a) {
                    counts[1]++;
                    counts[0] += Float.isFinite(x) ? 0 : 1;
                }
            } else if (v instanceof Collection<?> c) {
                for (Object o : c) {
                    count(o, counts, depth + 1);
                }
            } else if (v instanceof Map<?, ?> m) {
                for (Object o : m.values()) {
                    count(o, counts, depth + 1);
                }
            } else if (v instanceof Object[] a) {
                for (Object o : a) {
                    count(o, counts, depth + 1);
                }
            }
        }

        private static String generic(boolean notANumber) {
            return notANumber ? "not computed (the computation gave no number)"
                    : "not representable (the value overflows the floating-point range)";
        }
    }
}
