package org.deeprg.qft;

import java.util.List;
import org.deeprg.json.Json;
import org.deeprg.net.Activation;
import org.deeprg.run.RunContext;

/** Run by {@link SamplerKernelsTest} in a child JVM without the Vector API module: prints the kernel choice and a result. */
public final class NoVectorModuleMain {
    private NoVectorModuleMain() {
    }

    /** A small ensemble over every activation path (progression, direct, deep) as JSON. */
    static String json() {
        double[][] six = {{-0.01}, {-0.006}, {-0.002}, {0.002}, {0.006}, {0.01}};
        StringBuilder sb = new StringBuilder();
        sb.append(Json.write(Ensemble.run(new EnsembleSpec(NetworkSpec.oneLayer(1, 1, Activation.GAUSS, 1.0, 1.0), List.of(2, 30), six, 6,
                300, 2, true), RunContext.of(5))));
        sb.append(Json.write(Ensemble.run(new EnsembleSpec(NetworkSpec.oneLayer(1, 1, Activation.GELU, 1.2, 0.5), List.of(3), new double[][] {{0.3}, {-0.8}},
                4, 200, 2, true), RunContext.of(6))));
        sb.append(Json.write(Ensemble.run(new EnsembleSpec(new NetworkSpec(1, 1, 2, Activation.TANH, 1.2, 0.5), List.of(4),
                new double[][] {{0.3}, {-0.8}}, 4, 100, 2, false), RunContext.of(7))));
        return sb.toString();
    }

    public static void main(String[] args) {
        System.out.println("vectorised=" + NetworkSampler.vectorised());
        System.out.println(json());
    }
}
