package org.deeprg.run;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.NotSerializableException;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.lang.invoke.SerializedLambda;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.deeprg.InvalidInputException;

/**
 * What a distributed backend checks before it ships a {@link Task}: that it serialises at all, and that it is small.
 * A task carries specs, seeds and indices (kilobytes); a task that captured a data array or a big object is refused
 * with one line that names the largest captured part, before anything runs.
 */
public final class TaskShipping {
    private TaskShipping() {
    }

    /** One captured part of a task (a field, a lambda's captured argument) and its serialised size. */
    public record Part(String name, long bytes) {
    }

    /**
     * The serialised size of {@code task} in bytes (Java serialisation, as Spark's closure serialiser uses).
     *
     * @throws IllegalStateException naming the class that is not serialisable (a bug in the job: exit 4)
     */
    public static long serialisedSize(Object task) {
        CountingStream count = new CountingStream();
        try (ObjectOutputStream out = new ObjectOutputStream(count)) {
            out.writeObject(task);
        } catch (NotSerializableException e) {
            throw new IllegalStateException("the task " + describeClass(task.getClass()) + " cannot be sent to another machine: "
                    + e.getMessage() + " is not Serializable (a distributable task captures specs, seeds and indices only;"
                    + " see org.deeprg.run.Task)", e);
        } catch (IOException e) {
            throw new IllegalStateException("the task " + describeClass(task.getClass()) + " cannot be serialised: " + e, e);
        }
        return count.bytes;
    }

    /**
     * Requires {@code task} to serialise to at most {@code limitBytes}.
     *
     * @param backend      the backend's name, for the message ("spark")
     * @param limitSetting the setting that sets the limit, for the message ("spark.deeprg.maxTaskBytes")
     * @return the serialised size
     * @throws InvalidInputException naming {@code backend} if the task is too big (what is too big, the limit, what to do)
     * @throws IllegalStateException if the task does not serialise at all
     */
    public static long requireAtMost(Task<?> task, long limitBytes, String backend, String limitSetting) {
        long size = serialisedSize(task);
        if (size <= limitBytes) {
            return size;
        }
        List<Part> parts = parts(task);
        String largest = parts.isEmpty() ? "" : ", largest part " + parts.get(0).name() + " " + bytes(parts.get(0).bytes());
        throw new InvalidInputException("backend", backend, "the task " + describeClass(task.getClass()) + " serialises to "
                + bytes(size) + largest + ", above the " + bytes(limitBytes) + " that deeprg sends to " + backend + " per job ("
                + limitSetting + "); a distributable task carries specs, seeds and indices, never data: run this job with"
                + " --backend local");
    }

    /** The captured parts of a task (lambda arguments or fields), largest first. */
    public static List<Part> parts(Object task) {
        List<Part> out = new ArrayList<>();
        SerializedLambda lambda = serializedLambda(task);
        if (lambda != null) {
            for (int i = 0; i < lambda.getCapturedArgCount(); i++) {
                Object arg = lambda.getCapturedArg(i);
                out.add(new Part("captured " + (arg == null ? "null" : describeClass(arg.getClass())) + " #" + (i + 1), sizeOrZero(arg)));
            }
        } else {
            for (Class<?> c = task.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
                for (Field f : c.getDeclaredFields()) {
                    if (Modifier.isStatic(f.getModifiers()) || Modifier.isTransient(f.getModifiers())) {
                        continue;
                    }
                    try {
                        f.setAccessible(true);
                        Object v = f.get(task);
                        out.add(new Part("field " + c.getSimpleName() + "." + f.getName() + " ("
                                + (v == null ? "null" : describeClass(v.getClass())) + ")", sizeOrZero(v)));
                    } catch (ReflectiveOperationException | RuntimeException e) {
                        out.add(new Part("field " + c.getSimpleName() + "." + f.getName(), 0));
                    }
                }
            }
        }
        out.sort(Comparator.comparingLong(Part::bytes).reversed());
        return out;
    }

    private static long sizeOrZero(Object value) {
        if (value == null) {
            return 0;
        }
        try {
            return serialisedSize(value);
        } catch (IllegalStateException e) {
            return 0;
        }
    }

    private static SerializedLambda serializedLambda(Object task) {
        Class<?> c = task.getClass();
        if (!c.isSynthetic() || !c.getName().contains("$$Lambda")) {
            return null;
        }
        try {
            Method m = c.getDeclaredMethod("writeReplace");
            m.setAccessible(true);
            return m.invoke(task) instanceof SerializedLambda s ? s : null;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    /** {@code a lambda in org.deeprg.X} for lambda classes, else the class name (arrays as {@code double[]}). */
    static String describeClass(Class<?> c) {
        String n = c.getName();
        int lambda = n.indexOf("$$Lambda");
        if (lambda >= 0) {
            return "(a lambda in " + n.substring(0, lambda) + ")";
        }
        return c.isArray() ? c.getComponentType().getSimpleName() + "[]" : n;
    }

    /** Bytes as "812 B", "3.4 KiB", "80.0 MiB". */
    static String bytes(long b) {
        if (b < 1024) {
            return b + " B";
        }
        if (b < 1024L * 1024) {
            return String.format(Locale.ROOT, "%.1f KiB", b / 1024.0);
        }
        if (b < 1024L * 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f MiB", b / (1024.0 * 1024));
        }
        return String.format(Locale.ROOT, "%.1f GiB", b / (1024.0 * 1024 * 1024));
    }

    private static final class CountingStream extends OutputStream {
        long bytes;

        @Override
        public void write(int b) {
            bytes++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            bytes += len;
        }
    }

    /** Java-serialises {@code value} (for backends and tests that ship bytes themselves). */
    public static byte[] toBytes(Object value) {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(buf)) {
            out.writeObject(value);
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialise " + describeClass(value.getClass()) + ": " + e, e);
        }
        return buf.toByteArray();
    }
}
