package org.deeprg.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.deeprg.InvalidInputException;
import org.junit.jupiter.api.Test;

class ActivationTest {
    private static final double[] POINTS = {-2.3, -0.7, -0.05, 0.31, 1.2, 2.9};

    /**
     * Every derivative up to order 5 against a central finite difference of the order below (step 1e-4: truncation
     * error ~1e-8 relative, rounding ~1e-12 / 1e-4). Kinks (ReLU, ELU at 0) are avoided by the points.
     */
    @Test
    void derivativesMatchFiniteDifferencesToOrderFive() {
        double h = 1e-4;
        List<Activation> all = List.of(Activation.SIGMOID, Activation.TANH, Activation.RELU, Activation.ELU, Activation.ERF,
                Activation.GELU, Activation.GAUSS, Activation.LINEAR, new Activation.Polynomial(new double[] {0.3, -1, 0.5, 2}));
        for (Activation a : all) {
            for (double z : POINTS) {
                double[] d = a.derivatives(z, 5);
                assertThat(d[0]).as(a + " value at " + z).isEqualTo(a.value(z));
                for (int k = 1; k <= 5; k++) {
                    double fd = (a.derivatives(z + h, k - 1)[k - 1] - a.derivatives(z - h, k - 1)[k - 1]) / (2 * h);
                    assertThat(d[k]).as(a + " derivative " + k + " at " + z).isCloseTo(fd,
                            org.assertj.core.data.Offset.offset(1e-6 * Math.max(1, Math.abs(fd))));
                }
                assertThat(a.derivative(z)).as(a + " first derivative").isCloseTo(d[1], org.assertj.core.data.Offset.offset(1e-14));
                if (a.hasDerivativeFromValue()) {
                    assertThat(a.derivativeFromValue(a.value(z))).as(a + " derivative from value").isCloseTo(d[1],
                            org.assertj.core.data.Offset.offset(1e-12));
                }
            }
        }
    }

    /**
     * The forms used by back-propagation and the R-operator, sigma'(z) and sigma''(z) given sigma(z), against central
     * finite differences of {@link Activation#value} (step 1e-4) and against the exact {@link Activation#derivatives}.
     */
    @Test
    void derivativesGivenTheValueMatchFiniteDifferences() {
        double h = 1e-4;
        List<Activation> all = List.of(Activation.SIGMOID, Activation.TANH, Activation.RELU, Activation.ELU, Activation.ERF,
                Activation.GELU, Activation.GAUSS, Activation.LINEAR, new Activation.Polynomial(new double[] {0.3, -1, 0.5, 2}),
                Activation.Polynomial.quadratic(0.7, -0.4, 0.3));
        for (Activation a : all) {
            for (double z : POINTS) {
                double v = a.value(z);
                double d1 = a.derivative(z, v);
                double d2 = a.secondDerivative(z, v);
                double fd1 = (a.value(z + h) - a.value(z - h)) / (2 * h);
                double fd2 = (a.value(z + h) - 2 * v + a.value(z - h)) / (h * h);
                assertThat(d1).as(a + " sigma' at " + z).isCloseTo(fd1, org.assertj.core.data.Offset.offset(1e-7 * Math.max(1, Math.abs(fd1))));
                assertThat(d2).as(a + " sigma'' at " + z).isCloseTo(fd2, org.assertj.core.data.Offset.offset(1e-4 * Math.max(1, Math.abs(fd2))));
                double[] exact = a.derivatives(z, 2);
                assertThat(d1).isCloseTo(exact[1], org.assertj.core.data.Offset.offset(1e-12 * Math.max(1, Math.abs(exact[1]))));
                assertThat(d2).isCloseTo(exact[2], org.assertj.core.data.Offset.offset(1e-12 * Math.max(1, Math.abs(exact[2]))));
            }
        }
        assertThatThrownBy(() -> Activation.HEAVISIDE.derivative(0.3, 1.0)).isInstanceOf(InvalidInputException.class);
    }

    /** Closed forms of known values: erf'' = -2z erf', GeLU(0) = 0, GeLU'(0) = 1/2, tanh'''(0) = -2, sigmoid''(0) = 0. */
    @Test
    void knownValues() {
        assertThat(Activation.GELU.derivatives(0, 1)[1]).isEqualTo(0.5);
        assertThat(Activation.TANH.derivatives(0, 3)[3]).isCloseTo(-2.0, org.assertj.core.data.Offset.offset(1e-15));
        assertThat(Activation.SIGMOID.derivatives(0, 2)[2]).isCloseTo(0.0, org.assertj.core.data.Offset.offset(1e-15));
        double z = 0.4;
        double[] e = Activation.ERF.derivatives(z, 2);
        assertThat(e[2]).isCloseTo(-2 * z * e[1], org.assertj.core.data.Offset.offset(1e-15));
        assertThat(Activation.HEAVISIDE.value(0)).isEqualTo(1.0);
        assertThat(Activation.RELU.derivative(0)).isEqualTo(0.0);
    }

    @Test
    void arrayFormsEqualTheScalarOnes() {
        for (Activation a : List.of(Activation.RELU, Activation.ELU, Activation.TANH)) {
            double[] z = POINTS.clone();
            double[] out = new double[z.length];
            a.apply(z, out, z.length);
            double[] grad = new double[z.length];
            java.util.Arrays.fill(grad, 2.0);
            a.backwardFromValues(out, grad, z.length);
            for (int i = 0; i < z.length; i++) {
                assertThat(out[i]).isEqualTo(a.value(z[i]));
                assertThat(grad[i]).isCloseTo(2 * a.derivative(z[i]), org.assertj.core.data.Offset.offset(1e-14));
            }
        }
    }

    @Test
    void parsesNamesAndPolynomialsAndRefusesTheRestWithTheAllowedList() {
        for (String n : Activation.NAMES) {
            assertThat(Activation.parse("activation", n.toUpperCase(java.util.Locale.ROOT)).name()).isEqualTo(n);
        }
        assertThat(Activation.parse("activation", "identity")).isEqualTo(Activation.LINEAR);
        assertThat(Activation.parse("activation", "poly:1,2,3")).isEqualTo(new Activation.Polynomial(new double[] {1, 2, 3}));
        assertThat(Activation.parse("activation", "poly:1,2,3").polynomialDegree()).isEqualTo(2);
        assertThatThrownBy(() -> Activation.parse("activation", "softplus"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("softplus").hasMessageContaining("heaviside");
        assertThatThrownBy(() -> Activation.parse("activation", "poly:1,x")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> Activation.parse("activation", "poly:1,NaN")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> Activation.parse("activation", "erf", List.of("heaviside", "sigmoid")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("heaviside, sigmoid");
        assertThat(Activation.parse("activation", "poly:0,1", List.of("tanh", "poly"))).isEqualTo(Activation.LINEAR);
        assertThatThrownBy(() -> Activation.HEAVISIDE.derivative(0.1)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("heaviside");
    }

    /** Every activation survives Java serialisation (distributed tasks) and JSON (its name) as an equal activation. */
    @Test
    void serialisesAsItsNameInJsonAndRoundTripsInJavaSerialisation() throws Exception {
        List<Activation> all = new java.util.ArrayList<>(Activation.named());
        all.add(new Activation.Polynomial(new double[] {0.3, -1, 0.5, 2}));
        all.add(Activation.Polynomial.linear(0.1, 1e-300));
        all.add(new Activation.Polynomial(new double[] {Math.PI}));
        com.fasterxml.jackson.databind.ObjectMapper[] mappers = {org.deeprg.json.Json.results(), org.deeprg.json.Json.mapper()};
        for (Activation a : all) {
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(bytes)) {
                out.writeObject(a);
            }
            try (java.io.ObjectInputStream in = new java.io.ObjectInputStream(new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
                Object back = in.readObject();
                assertThat(back).as(a.name()).isEqualTo(a).isInstanceOf(a.getClass());
            }
            for (com.fasterxml.jackson.databind.ObjectMapper m : mappers) {
                String json = m.writeValueAsString(a);
                assertThat(json).isEqualTo("\"" + a.name() + "\"");
                assertThat(m.readValue(json, Activation.class)).as(json).isEqualTo(a);
                // inside a record, too (the way specs and results carry it)
                String wrapped = m.writeValueAsString(new Holder(a));
                assertThat(wrapped.replaceAll("\\s", "")).isEqualTo("{\"activation\":\"" + a.name() + "\"}");
                assertThat(m.readValue(wrapped, Holder.class).activation()).isEqualTo(a);
            }
        }
        // the upper-case names of training checkpoints written before the activation types were unified
        assertThat(org.deeprg.json.Json.mapper().readValue("\"RELU\"", Activation.class)).isEqualTo(Activation.RELU);
        assertThat(org.deeprg.json.Json.mapper().readValue("\"ELU\"", Activation.class)).isEqualTo(Activation.ELU);
        assertThatThrownBy(() -> org.deeprg.json.Json.mapper().readValue("\"swish\"", Activation.class))
                .hasRootCauseInstanceOf(InvalidInputException.class);
    }

    record Holder(Activation activation) {
    }
}
