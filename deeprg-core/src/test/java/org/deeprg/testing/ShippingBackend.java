package org.deeprg.testing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.deeprg.run.Backend;
import org.deeprg.run.Task;
import org.deeprg.run.TaskShipping;

/**
 * A test backend that behaves like a cluster without one: the task is Java-serialised (as Spark ships it), checked
 * against a size limit, and every partition (a contiguous range of indices, processed in reverse partition order)
 * runs on its own freshly deserialised copy; each result travels back serialised. A job passes only if its tasks are
 * serialisable, small, and independent of shared in-memory state and of the order in which they run.
 */
public final class ShippingBackend implements Backend {
    /** The limit on a task's serialised size (the Spark backend's default). */
    public static final long MAX_TASK_BYTES = 16L << 20;

    private final int partitions;

    /** A backend that cuts every job into {@code partitions} partitions. */
    public ShippingBackend(int partitions) {
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be >= 1");
        }
        this.partitions = partitions;
    }

    @Override
    public String name() {
        return "shipping-test";
    }

    @Override
    public Map<String, Object> describe() {
        return Map.of("name", name(), "partitions", partitions);
    }

    @Override
    public <R extends Serializable> List<R> map(int tasks, int threads, Task<R> task) {
        TaskShipping.requireAtMost(task, MAX_TASK_BYTES, name(), "ShippingBackend.MAX_TASK_BYTES");
        byte[] shipped = TaskShipping.toBytes(task);
        int p = Math.max(1, Math.min(partitions, tasks));
        List<R> out = new ArrayList<>(tasks);
        for (int i = 0; i < tasks; i++) {
            out.add(null);
        }
        for (int part = p - 1; part >= 0; part--) {
            int from = (int) ((long) part * tasks / p);
            int to = (int) ((long) (part + 1) * tasks / p);
            @SuppressWarnings("unchecked")
            Task<R> copy = (Task<R>) read(shipped);
            for (int i = from; i < to; i++) {
                @SuppressWarnings("unchecked")
                R r = (R) read(TaskShipping.toBytes(copy.run(i)));
                out.set(i, r);
            }
        }
        return out;
    }

    private static Object read(byte[] bytes) {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
            return in.readObject();
        } catch (IOException | ClassNotFoundException e) {
            throw new IllegalStateException("cannot deserialise a shipped task or result: " + e, e);
        }
    }
}
