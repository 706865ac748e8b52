package org.deeprg.qft;

import java.io.Serial;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.deeprg.random.RandomStreams;
import org.deeprg.run.Progress;
import org.deeprg.run.RunContext;
import org.deeprg.run.Task;

/**
 * The distributable part of an ensemble run: {@code cells x bags x chunks} indexed tasks, where a cell is one
 * architecture (a width of {@link Ensemble}, a sigma_W of {@link CouplingScan}) with its stream prefix. Task
 * {@code i} samples chunk {@code c} of bag {@code b} of one cell from the stream {@code cell.streams().split(b).split(c)}
 * and returns its per-slot sums and tail statistics ({@link ChunkSums}); the results come back in index order and are added in chunk order, so the numbers
 * depend on neither the thread count nor the backend ({@link RunContext#map}). Chunks have {@link Ensemble#CHUNK}
 * networks (the last one of a bag fewer).
 *
 * <p>Task indices visit the cells from the widest network down (load balance for a local pool); that order changes
 * nothing but the schedule.
 */
final class EnsembleJob {
    private EnsembleJob() {
    }

    /**
     * One architecture and the stream prefix of its bags.
     *
     * @param network the architecture
     * @param streams the stream of the cell; bag b, chunk c draws from {@code streams.split(b).split(c)}
     * @param shifts  per slot the shift of the tail statistics (the Wick value of the cell's kernel), or null
     */
    record Cell(NetworkSpec network, RandomStreams streams, double[] shifts) implements Serializable {
        @Serial
        private static final long serialVersionUID = 1L;

        Cell(NetworkSpec network, RandomStreams streams) {
            this(network, streams, null);
        }
    }

    /**
     * What a job returns.
     *
     * @param bagMeans    {@code [cell][bag][slot]}: the Eq. 5 average over the bag of the estimator
     * @param power       {@code [cell][4 slot + j]}: sums over all full batches of the cell of {@code y^(j+1)}
     *                    ({@link NPointAccumulator#powerSums()})
     * @param fullBatches {@code [cell]}: the number of those batches
     */
    record Sampled(double[][][] bagMeans, double[][] power, long[] fullBatches) {
    }

    /**
     * Samples every cell: {@code bags x nets} networks each, n-point functions up to {@code maxN} at the points.
     *
     * @return {@code bagMeans[cell][bag][slot]}: the Eq. 5 average over the bag of every product
     */
    static Sampled sample(List<Cell> cells, double[][] points, int maxN, int nets, int bags, Estimator estimator,
                          RunContext context) {
        ChunkTask task = new ChunkTask(cells, points, maxN, nets, bags, estimator, context.progress());
        long total = 0;
        for (Cell c : cells) {
            total += (long) c.network().width() * nets * bags;
        }
        context.progress().start("networks x width", total);
        List<ChunkSums> sums = context.map(task.tasks(), task);
        int chunks = task.chunks;
        int slots = new NPointLayout(points.length, maxN).slots();
        ChunkSums[][][] byChunk = new ChunkSums[cells.size()][bags][chunks];
        for (int i = 0; i < sums.size(); i++) {
            int[] t = task.coordinates(i);
            byChunk[t[0]][t[1]][t[2]] = sums.get(i);
        }
        double[][][] means = new double[cells.size()][bags][];
        double[][] power = new double[cells.size()][4 * slots];
        long[] full = new long[cells.size()];
        for (int w = 0; w < means.length; w++) {
            for (int b = 0; b < bags; b++) {
                double[] m = new double[slots];
                for (int c = 0; c < chunks; c++) {
                    ChunkSums s = byChunk[w][b][c];
                    for (int k = 0; k < m.length; k++) {
                        m[k] += s.sums()[k];
                    }
                    for (int k = 0; k < power[w].length; k++) {
                        power[w][k] += s.power()[k];
                    }
                    full[w] += s.fullBatches();
                }
                for (int k = 0; k < m.length; k++) {
                    m[k] /= nets;
                }
                means[w][b] = m;
            }
        }
        return new Sampled(means, power, full);
    }

    /** Task {@code i}: one chunk of one bag of one cell (small, serialisable state only). */
    static final class ChunkTask implements Task<ChunkSums> {
        @Serial
        private static final long serialVersionUID = 1L;

        private final List<Cell> cells;
        private final double[][] points;
        private final int maxN;
        private final int nets;
        private final int bags;
        private final int chunks;
        private final Estimator estimator;
        /** Cell indices, widest network first. */
        private final int[] order;
        /** Progress of a local run; not shipped to a cluster. */
        private final transient Progress progress;
        private transient volatile NPointLayout layout;

        ChunkTask(List<Cell> cells, double[][] points, int maxN, int nets, int bags, Estimator estimator, Progress progress) {
            this.cells = List.copyOf(cells);
            this.points = points;
            this.maxN = maxN;
            this.nets = nets;
            this.bags = bags;
            this.chunks = (nets + Ensemble.CHUNK - 1) / Ensemble.CHUNK;
            this.estimator = estimator;
            this.progress = progress;
            List<Integer> idx = new ArrayList<>();
            for (int i = 0; i < cells.size(); i++) {
                idx.add(i);
            }
            idx.sort(Comparator.comparingInt((Integer i) -> -cells.get(i).network().width()).thenComparingInt(i -> i));
            this.order = idx.stream().mapToInt(Integer::intValue).toArray();
        }

        /** Number of tasks. */
        int tasks() {
            long t = (long) cells.size() * bags * chunks;
            if (t > Integer.MAX_VALUE) {
                throw new IllegalStateException("too many tasks: " + t);
            }
            return (int) t;
        }

        /** {cell, bag, chunk} of task i. */
        int[] coordinates(int i) {
            int perCell = bags * chunks;
            int cell = order[i / perCell];
            int rest = i % perCell;
            return new int[] {cell, rest / chunks, rest % chunks};
        }

        @Override
        public ChunkSums run(int index) {
            int[] t = coordinates(index);
            Cell cell = cells.get(t[0]);
            int n = Math.min(Ensemble.CHUNK, nets - t[2] * Ensemble.CHUNK);
            NPointLayout l = layout;
            if (l == null) {
                l = new NPointLayout(points.length, maxN);
                layout = l;
            }
            ChunkSums s = NetworkSampler.sample(cell.network(), points, l, n, cell.streams().split(t[1]).split(t[2]), estimator,
                    cell.shifts());
            if (progress != null) {
                progress.advance((long) n * cell.network().width());
            }
            return s;
        }
    }
}
