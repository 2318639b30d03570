import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.sbi4j.training.TrainingConfig;
import org.sbi4j.training.internal.FusedFitter;
import org.sbi4j.training.internal.Graphs;
import org.sbi4j.training.internal.Table;
import org.sbi4j.training.listeners.TrainingListener;
import org.sbi4j.training.losses.RatioLoss;
import org.sbi4j.training.model.Activation;
import org.sbi4j.training.model.Network;
import org.sbi4j.training.simd.DenseKernel;

/**
 * The epoch loop of the fused engine alone (bench/train-threads.sh, issue 21): one ALICES network
 * (θ0 and 1 observable in, 3 × 100 tanh, batch 128, Adam) on ROWS synthetic training rows and
 * ROWS/3 validation rows, EPOCHS epochs on 1 and on 2 threads, after WARM untimed epochs. Per
 * setting: the wall time of the timed epochs and the CPU time of the threads that ran them (the
 * caller and the sbi4j-chunk workers, ThreadMXBean), as rows/s of training rows.
 *
 * <p>Usage: java --add-modules jdk.incubator.vector -cp 'cli/target/sbi4j-cli.jar:cli/target/lib/*'
 * bench/FusedThreads.java [rows=75000] [epochs=5] [warm=2]
 */
public class FusedThreads {
  public static void main(String[] args) {
    int rows = args.length > 0 ? Integer.parseInt(args[0]) : 75000;
    int epochs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    int warm = args.length > 2 ? Integer.parseInt(args[2]) : 2;
    Table train = table(rows, 1);
    Table val = table(rows / 3, 2);
    System.out.println("| threads | epochs | wall s | CPU s | rows/s (wall) | rows/s per CPU s |");
    System.out.println("|---|---|---|---|---|---|");
    for (int threads : new int[] {1, 2, 1, 2}) {
      run(train, val, threads, warm, epochs, rows);
    }
  }

  private static void run(Table train, Table val, int threads, int warm, int epochs, int rows) {
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    Network net = Network.initial(2, List.of(100, 100, 100), 1, Activation.TANH, 3);
    FusedFitter f = new FusedFitter(net, 1, RatioLoss.ALICES, 1, 10, DenseKernel.best());
    f.threads(threads);
    // mark: wall and CPU ns after the warm-up epochs (0, 1) and after the last epoch (2, 3)
    long[] mark = new long[4];
    TrainingListener clock =
        new TrainingListener() {
          @Override
          public void onEpochEnd(
              org.sbi4j.training.listeners.EpochReport r,
              org.sbi4j.training.listeners.TrainingControl c) {
            int at = r.epoch() == warm - 1 ? 0 : r.epoch() == warm + epochs - 1 ? 2 : -1;
            if (at >= 0) {
              mark[at] = System.nanoTime();
              mark[at + 1] = cpu(mx);
            }
          }
        };
    TrainingConfig config = TrainingConfig.builder().epochs(warm + epochs).build();
    f.fit(train, val, config, 0, 4, List.of(clock));
    double wall = (mark[2] - mark[0]) / 1e9;
    double cpu = (mark[3] - mark[1]) / 1e9;
    System.out.printf(
        java.util.Locale.ROOT,
        "| %d | %d | %.2f | %.2f | %.0f | %.0f |%n",
        threads,
        epochs,
        wall,
        cpu,
        (double) rows * epochs / wall,
        (double) rows * epochs / cpu);
  }

  /** CPU time of this thread and the chunk workers, ns. */
  private static long cpu(ThreadMXBean mx) {
    long sum = mx.getCurrentThreadCpuTime();
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      if (t.getName().startsWith("sbi4j-chunk-")) {
        sum += Math.max(0, mx.getThreadCpuTime(t.getId()));
      }
    }
    return sum;
  }

  /** Synthetic ALICES rows: θ0, x in [−1, 1], y alternating, a joint log ratio and score. */
  private static Table table(int rows, long seed) {
    Random rng = new Random(seed);
    double[] in = new double[rows * 2];
    double[] y = new double[rows];
    double[] logR = new double[rows];
    double[] t = new double[rows];
    for (int i = 0; i < rows; i++) {
      in[2 * i] = 2 * rng.nextDouble() - 1;
      in[2 * i + 1] = 2 * rng.nextDouble() - 1;
      y[i] = i % 2;
      logR[i] = in[2 * i] * in[2 * i + 1];
      t[i] = in[2 * i + 1];
    }
    Table table = new Table(rows);
    table.put(Graphs.INPUT, in, 2).withInputTangents(1);
    table.put(Graphs.Y, y, 1);
    Graphs.jointRatioLabels(RatioLoss.ALICES, logR, 10).forEach((n, v) -> table.put(n, v, 1));
    table.put(Graphs.T, t, 1);
    return table;
  }
}
