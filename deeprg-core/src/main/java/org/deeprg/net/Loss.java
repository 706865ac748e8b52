package org.deeprg.net;

/**
 * A per-example loss {@code l(z, target)} of the network outputs {@code z}, with what back-propagation and exact
 * Hessian-vector products need from it: its value, its gradient {@code dl/dz} and the product of its Hessian
 * {@code d^2 l/dz^2} with a direction (the R-operator of the output layer).
 *
 * <ul>
 *   <li>{@link SquaredError}: {@code l = sum_i (y_i - z_i)^2}, no 1/2: summed over examples this is the cost of Eq. 2
 *       of the synaptic-field-theory paper, {@code C = sum_(i,l) (Y_i - Z_i)^2}; gradient {@code 2 (z - y)}, Hessian
 *       {@code 2 I}. Targets are real vectors of the output width.</li>
 *   <li>{@link SoftmaxCrossEntropy}: {@code l = -ln p_y} with {@code p = softmax(z)} (the outputs are logits);
 *       gradient {@code p - e_y}, Hessian {@code diag(p) - p p^T}. Targets are class labels.</li>
 * </ul>
 * Reductions are the caller's: {@link #evaluate} returns the sum over the rows and writes the gradient of that sum
 * divided by {@code divisor} (1 for a sum such as Eq. 2, the batch size for the mini-batch mean of training).
 */
public sealed interface Loss permits Loss.SquaredError, Loss.SoftmaxCrossEntropy {
    /** {@code sum_i (y_i - z_i)^2} (Eq. 2 per example). */
    Loss SQUARED_ERROR = new SquaredError();
    /** {@code -ln softmax(z)_y}. */
    Loss SOFTMAX_CROSS_ENTROPY = new SoftmaxCrossEntropy();

    /** Short name ({@code "squared-error"}, {@code "softmax-cross-entropy"}). */
    String name();

    /** Whether the targets are class labels (else real vectors of the output width). */
    boolean usesLabels();

    /**
     * The loss of {@code rows} rows and, if {@code delta != null}, its gradient.
     *
     * @param outputs network outputs, row-major {@code rows x width}. Not modified.
     * @param targets real targets (row {@code row0 + r} is the target of output row r), or null for labels. Not modified.
     * @param labels  class labels (entry {@code row0 + r}), or null for real targets. Not modified.
     * @param row0    first target row
     * @param divisor the gradient is that of {@code (sum of the rows' losses) / divisor}
     * @param delta   Modified (overwritten, {@code rows x width}) unless null.
     * @return the sum over the rows of the loss (not divided)
     */
    double evaluate(double[] outputs, int rows, int width, double[] targets, int[] labels, int row0, double divisor,
                    double[] delta);

    /**
     * The loss of each row: {@code out[r] = l(outputs row r, target row row0 + r)} for {@code r < rows}, with the
     * same arithmetic as {@link #evaluate} (so that a caller summing a whole data set row by row gets one running sum
     * in row order, independent of how the rows were batched).
     *
     * @param out Modified: entries {@code 0..rows-1}.
     */
    void rowLosses(double[] outputs, int rows, int width, double[] targets, int[] labels, int row0, double[] out);

    /**
     * {@code rDelta = (d^2 l/dz^2) rOutputs / divisor} row by row (overwritten): the loss part of the R-operator.
     *
     * @param outputs  network outputs. Not modified.
     * @param rOutputs directional derivatives of the outputs. Not modified.
     * @param rDelta   Modified (overwritten).
     */
    void hessianTimes(double[] outputs, double[] rOutputs, int rows, int width, double[] targets, int[] labels, int row0,
                      double divisor, double[] rDelta);

    /** Number of rows whose largest output (the first, on ties) is the label. Not modified: outputs, labels. */
    static int correctPredictions(double[] outputs, int rows, int width, int[] labels, int row0) {
        int correct = 0;
        for (int r = 0; r < rows; r++) {
            double max = Double.NEGATIVE_INFINITY;
            int arg = 0;
            for (int c = 0; c < width; c++) {
                double z = outputs[r * width + c];
                if (z > max) {
                    max = z;
                    arg = c;
                }
            }
            if (arg == labels[row0 + r]) {
                correct++;
            }
        }
        return correct;
    }

    /** {@code l = sum_i (y_i - z_i)^2}: gradient {@code 2 (z_i - y_i)}, Hessian {@code 2 delta_ij}. */
    record SquaredError() implements Loss {
        @Override
        public String name() {
            return "squared-error";
        }

        @Override
        public boolean usesLabels() {
            return false;
        }

        @Override
        public double evaluate(double[] outputs, int rows, int width, double[] targets, int[] labels, int row0, double divisor,
                               double[] delta) {
            double cost = 0;
            for (int l = 0; l < rows; l++) {
                int t = (row0 + l) * width;
                for (int i = 0; i < width; i++) {
                    double r = outputs[l * width + i] - targets[t + i];
                    cost += r * r;
                    if (delta != null) {
                        delta[l * width + i] = divisor == 1.0 ? 2 * r : 2 * r / divisor;
                    }
                }
            }
            return cost;
        }

        @Override
        public void rowLosses(double[] outputs, int rows, int width, double[] targets, int[] labels, int row0, double[] out) {
            for (int l = 0; l < rows; l++) {
                int t = (row0 + l) * width;
                double cost = 0;
                for (int i = 0; i < width; i++) {
                    double r = outputs[l * width + i] - targets[t + i];
                    cost += r * r;
                }
                out[l] = cost;
            }
        }

        @Override
        public void hessianTimes(double[] outputs, double[] rOutputs, int rows, int width, double[] targets, int[] labels,
                                 int row0, double divisor, double[] rDelta) {
            for (int k = 0; k < rows * width; k++) {
                rDelta[k] = divisor == 1.0 ? 2 * rOutputs[k] : 2 * rOutputs[k] / divisor;
            }
        }
    }

    /**
     * {@code l = -ln p_y}, {@code p = softmax(z)}, computed with the largest logit subtracted (no overflow):
     * {@code l = ln sum_c e^(z_c - max) - (z_y - max)}; gradient {@code p - e_y}.
     */
    record SoftmaxCrossEntropy() implements Loss {
        @Override
        public String name() {
            return "softmax-cross-entropy";
        }

        @Override
        public boolean usesLabels() {
            return true;
        }

        @Override
        public double evaluate(double[] outputs, int rows, int width, double[] targets, int[] labels, int row0, double divisor,
                               double[] delta) {
            double lossSum = 0;
            for (int r = 0; r < rows; r++) {
                int y = labels[row0 + r];
                double max = Double.NEGATIVE_INFINITY;
                for (int c = 0; c < width; c++) {
                    double z = outputs[r * width + c];
                    if (z > max) {
                        max = z;
                    }
                }
                double sum = 0;
                for (int c = 0; c < width; c++) {
                    double e = Math.exp(outputs[r * width + c] - max);
                    if (delta != null) {
                        delta[r * width + c] = e;
                    }
                    sum += e;
                }
                lossSum += Math.log(sum) - (outputs[r * width + y] - max);
                if (delta != null) {
                    for (int c = 0; c < width; c++) {
                        delta[r * width + c] = (delta[r * width + c] / sum - (c == y ? 1 : 0)) / divisor;
                    }
                }
            }
            return lossSum;
        }

        @Override
        public void rowLosses(double[] outputs, int rows, int width, double[] targets, int[] labels, int row0, double[] out) {
            for (int r = 0; r < rows; r++) {
                double max = Double.NEGATIVE_INFINITY;
                for (int c = 0; c < width; c++) {
                    double z = outputs[r * width + c];
                    if (z > max) {
                        max = z;
                    }
                }
                double sum = 0;
                for (int c = 0; c < width; c++) {
                    sum += Math.exp(outputs[r * width + c] - max);
                }
                out[r] = Math.log(sum) - (outputs[r * width + labels[row0 + r]] - max);
            }
        }

        @Override
        public void hessianTimes(double[] outputs, double[] rOutputs, int rows, int width, double[] targets, int[] labels,
                                 int row0, double divisor, double[] rDelta) {
            double[] p = new double[width];
            for (int r = 0; r < rows; r++) {
                double max = Double.NEGATIVE_INFINITY;
                for (int c = 0; c < width; c++) {
                    max = Math.max(max, outputs[r * width + c]);
                }
                double sum = 0;
                for (int c = 0; c < width; c++) {
                    p[c] = Math.exp(outputs[r * width + c] - max);
                    sum += p[c];
                }
                double pv = 0;
                for (int c = 0; c < width; c++) {
                    p[c] /= sum;
                    pv += p[c] * rOutputs[r * width + c];
                }
                for (int c = 0; c < width; c++) {
                    rDelta[r * width + c] = p[c] * (rOutputs[r * width + c] - pv) / divisor;
                }
            }
        }
    }
}
