package org.deeprg.qft;

/**
 * The choice, made once at class load, between the vectorised kernels of the ensemble sampler
 * ({@code jdk.incubator.vector}: {@link VectorOneLayer}, {@link VectorAccumulator}) and the scalar fallback
 * ({@link ScalarOneLayer}, {@link ScalarAccumulator}). Both compute the same numbers to the last bit.
 *
 * <p>The vector classes are reached only by reflection, after probing the boot layer for the module, so a JVM
 * started without {@code --add-modules jdk.incubator.vector} never links them (a library caller gets the scalar
 * path instead of a {@link NoClassDefFoundError}). The system property {@code deeprg.vector=false} forces the scalar
 * path (tests, benchmarks).
 */
abstract class SamplerKernels {
    private static final SamplerKernels SCALAR = new Scalar();
    private static final SamplerKernels SELECTED = select();

    /** A one-hidden-layer evaluator for these points. */
    abstract OneLayerEvaluator oneLayer(NetworkSpec spec, double[][] points);

    /** An n-point accumulator. */
    abstract NPointAccumulator accumulator(NPointLayout layout, int batch);

    /** Whether these are the vector kernels. */
    abstract boolean vectorised();

    /** The kernels chosen at class load. */
    static SamplerKernels selected() {
        return SELECTED;
    }

    /** The scalar kernels (always available). */
    static SamplerKernels scalar() {
        return SCALAR;
    }

    /** The vector kernels, or null when the module is absent. */
    static SamplerKernels vector() {
        return SELECTED.vectorised() ? SELECTED : loadVector();
    }

    /** Whether the boot layer has {@code jdk.incubator.vector}. */
    static boolean vectorModulePresent() {
        return ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
    }

    private static SamplerKernels select() {
        if ("false".equalsIgnoreCase(System.getProperty("deeprg.vector"))) {
            return SCALAR;
        }
        SamplerKernels v = loadVector();
        return v != null ? v : SCALAR;
    }

    private static SamplerKernels loadVector() {
        if (!vectorModulePresent()) {
            return null;
        }
        try {
            return (SamplerKernels) Class.forName("org.deeprg.qft.SamplerKernels$Vector").getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | LinkageError e) {
            return null;
        }
    }

    /** Plain doubles. */
    static final class Scalar extends SamplerKernels {
        @Override
        OneLayerEvaluator oneLayer(NetworkSpec spec, double[][] points) {
            return new ScalarOneLayer(spec, points);
        }

        @Override
        NPointAccumulator accumulator(NPointLayout layout, int batch) {
            return new ScalarAccumulator(layout, batch);
        }

        @Override
        boolean vectorised() {
            return false;
        }
    }

    /** {@code jdk.incubator.vector}; instantiated by reflection only. */
    static final class Vector extends SamplerKernels {
        Vector() {
            // touch the species so that a missing or broken module fails here, inside loadVector's catch
            if (VectorMath.LANES != NPointAccumulator.LANES) {
                throw new IllegalStateException("the vector kernels need 4 double lanes, got " + VectorMath.LANES);
            }
        }

        @Override
        OneLayerEvaluator oneLayer(NetworkSpec spec, double[][] points) {
            return new VectorOneLayer(spec, points);
        }

        @Override
        NPointAccumulator accumulator(NPointLayout layout, int batch) {
            return new VectorAccumulator(layout, batch);
        }

        @Override
        boolean vectorised() {
            return true;
        }
    }
}
