import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Compares two builds of deeprg-bench under load: loads the before and after benchmark jars side by side (separate class
 * loaders), alternates single calls of one benchmark (ABAB), and reports the median thread CPU time of each. Usage:
 * {@code OPENBLAS_NUM_THREADS=1 java --add-modules jdk.incubator.vector tools/Interleave.java step0|step1|reg|hvp REPS before.jar after.jar}.
 */
public class Interleave {
    static final ThreadMXBean MX = ManagementFactory.getThreadMXBean();

    interface Op { Object call() throws Exception; }

    static Op op(ClassLoader cl, String which) throws Exception {
        switch (which) {
            case "hvp": {
                Class<?> c = cl.loadClass("org.deeprg.bench.sft.HessianBenchmark");
                Object b = c.getDeclaredConstructor().newInstance();
                set(b, "size", "large"); set(b, "threads", 1); set(b, "block", 256);
                c.getMethod("setup").invoke(b);
                Method m = c.getMethod("hessianVectorProduct");
                return () -> m.invoke(b);
            }
            case "step0": case "step1": {
                Class<?> c = cl.loadClass("org.deeprg.bench.TrainingStepBenchmark");
                Object b = c.getDeclaredConstructor().newInstance();
                set(b, "lambda", which.equals("step1") ? 1.0 : 0.0); set(b, "blas", "native");
                c.getMethod("setup").invoke(b);
                Method m = c.getMethod("step");
                return () -> m.invoke(b);
            }
            case "reg": {
                Class<?> c = cl.loadClass("org.deeprg.bench.TrainingStepBenchmark");
                Class<?> l = cl.loadClass("org.deeprg.bench.TrainingStepBenchmark$Layer");
                Object b = c.getDeclaredConstructor().newInstance();
                Object s = l.getDeclaredConstructor().newInstance();
                set(s, "blas", "native");
                l.getMethod("setup").invoke(s);
                Method m = c.getMethod("regulariserFirstLayerBlas", l);
                return () -> m.invoke(b, s);
            }
            default: throw new IllegalArgumentException(which);
        }
    }

    static void set(Object o, String name, Object v) throws Exception {
        Field f = o.getClass().getDeclaredField(name);
        f.setAccessible(true);
        f.set(o, v);
    }

    public static void main(String[] args) throws Exception {
        String which = args[0];
        int reps = Integer.parseInt(args[1]);
        ClassLoader before = new URLClassLoader(new URL[] {Path.of(args[2]).toUri().toURL()}, ClassLoader.getPlatformClassLoader());
        ClassLoader after = new URLClassLoader(new URL[] {Path.of(args[3]).toUri().toURL()}, ClassLoader.getPlatformClassLoader());
        Op b = op(before, which);
        Op a = op(after, which);
        for (int i = 0; i < Math.max(3, reps / 5); i++) { // warm-up
            b.call();
            a.call();
        }
        double[] tb = new double[reps];
        double[] ta = new double[reps];
        for (int i = 0; i < reps; i++) {
            boolean first = (i & 1) == 0;
            for (int k = 0; k < 2; k++) {
                Op o = (k == 0) == first ? b : a;
                long c0 = MX.getCurrentThreadCpuTime();
                o.call();
                double ms = (MX.getCurrentThreadCpuTime() - c0) / 1e6;
                if (o == b) tb[i] = ms; else ta[i] = ms;
            }
        }
        Arrays.sort(tb);
        Arrays.sort(ta);
        System.out.printf("%s: CPU ms per op, median (quartiles) over %d interleaved pairs: before %.2f (%.2f-%.2f), after %.2f (%.2f-%.2f), after/before %.3f%n",
                which, reps, tb[reps / 2], tb[reps / 4], tb[3 * reps / 4], ta[reps / 2], ta[reps / 4], ta[3 * reps / 4], ta[reps / 2] / tb[reps / 2]);
    }
}
