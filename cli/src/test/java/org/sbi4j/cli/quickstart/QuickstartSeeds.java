package org.sbi4j.cli.quickstart;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.sbi4j.common.Seeds;
import org.sbi4j.inference.limits.Intervals;
import org.sbi4j.inference.limits.LimitSource;
import org.sbi4j.inference.limits.LimitsReport;
import org.sbi4j.inference.limits.LimitsResult;
import org.sbi4j.inference.limits.ModelSources;
import org.sbi4j.samples.EventSample;
import org.sbi4j.samples.mining.Partition;
import org.sbi4j.samples.simulators.Simulators;
import org.sbi4j.samples.steps.AugmentStep;
import org.sbi4j.training.model.Method;
import org.sbi4j.training.model.MorphingAware;
import org.sbi4j.training.steps.TrainStep;
import org.sbi4j.training.store.ModelFolder;

/**
 * Seed robustness of the quickstart's ALICES limits (bench/quickstart-seeds.sh): the quickstart's
 * events and ratio sample for a root seed (its own stages and seeds, kept in DIR/dSEED for the next
 * call), ALICES trained with a config and the quickstart's training seed (or one derived from it),
 * and its expected limits next to the exact likelihood's, on the quickstart's grid and Asimov data.
 * Prints one line per method (the quickstart's ALICES, normalised per θ, and the same model
 * unnormalised): the intervals, their differences and the process CPU time of the training.
 *
 * <p>Arguments: DIR SEED TRAIN_OFFSET CONFIG [PRIOR [THETA_POINTS [ROWS [MODEL]]]]; TRAIN_OFFSET 0
 * is the quickstart's training seed, k > 0 the seed derive(quickstart's, k); MODEL is {@code plain}
 * (a parameterised network), {@code linear} or {@code quadratic} (morphing-aware, docs/math.md
 * §3.9), the quickstart's own when omitted.
 */
public final class QuickstartSeeds {
  private QuickstartSeeds() {}

  public static void main(String[] a) throws Exception {
    long seed = Long.parseLong(a[1]);
    int trainOffset = Integer.parseInt(a[2]);
    Path config = Path.of(a[3]).toAbsolutePath();
    String prior = a.length > 4 ? a[4] : "uniform:-1:1";
    int points = a.length > 5 ? Integer.parseInt(a[5]) : AugmentStage.RATIO_THETAS;
    int rows = a.length > 6 ? Integer.parseInt(a[6]) : AugmentStage.RATIO_ROWS;
    String kindName = a.length > 7 ? a[7] : "plain";
    MorphingAware.Kind kind =
        kindName.equals("plain")
            ? null
            : MorphingAware.Kind.valueOf(kindName.toUpperCase(Locale.ROOT));
    Path dir = Path.of(a[0]).resolve("d" + seed);
    Files.createDirectories(dir);
    QuickstartContext c = new QuickstartContext(dir, seed);
    Path events = dir.resolve("events.h5");
    if (!Files.exists(events)) {
      new SimulateStage().run(c);
    }
    Path ratio =
        dir.resolve(("ratio-" + prior + "-" + points + "-" + rows + ".h5").replace(':', '_'));
    if (!Files.exists(ratio)) {
      AugmentStep.run(
          new AugmentStep.Request(
              events,
              AugmentStep.Method.RATIO,
              null,
              prior,
              points,
              new double[] {0},
              rows,
              Partition.TRAIN,
              ratio,
              c.seed(4),
              0.05));
    }
    long trainSeed = trainOffset == 0 ? c.seed(5) : Seeds.derive(c.seed(5), trainOffset);
    Path model = Files.createTempDirectory(dir, "m").resolve("alices");
    var os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    long cpu0 = os.getProcessCpuTime();
    long t0 = System.nanoTime();
    TrainStep.run(
        new TrainStep.Request(
            Method.ALICES, ratio, config, model, trainSeed, null, null, kind, events));
    double cpu = (os.getProcessCpuTime() - cpu0) / 1e9;
    double wall = (System.nanoTime() - t0) / 1e9;
    LimitsReport report =
        LimitsStage.expectedLimits(
            events,
            List.of(
                LimitsStage.exact(),
                LimitsStage.alices(model, events),
                new LimitSource.Ratio(
                    "ALICES unnormalised",
                    ((LimitSource.Ratio) ModelSources.limitSource(model)).estimator())),
            null);
    Intervals ex = null;
    StringBuilder sb = new StringBuilder();
    for (LimitsResult r : report.results()) {
      Intervals iv = r.scan().intervals().get("theta");
      if (ex == null) {
        ex = iv;
        continue;
      }
      double d68lo = iv.cl68().lower() - ex.cl68().lower();
      double d68hi = iv.cl68().upper() - ex.cl68().upper();
      double d95lo = iv.cl95().lower() - ex.cl95().lower();
      double d95hi = iv.cl95().upper() - ex.cl95().upper();
      double worst =
          Math.max(
              Math.max(Math.abs(d68lo), Math.abs(d68hi)) / 0.03,
              Math.max(Math.abs(d95lo), Math.abs(d95hi)) / 0.05);
      sb.append(
              String.format(
                  Locale.ROOT,
                  "seed=%d toff=%d method=%s cfg=%s model=%s prior=%s pts=%d rows=%d cpu=%.1f wall=%.1f "
                      + "68=[%.3f,%.3f] ex68=[%.3f,%.3f] 95=[%.3f,%.3f] ex95=[%.3f,%.3f] "
                      + "d68=(%+.3f,%+.3f) d95=(%+.3f,%+.3f) worst/tol=%.2f %s",
                  seed,
                  trainOffset,
                  r.method().replace(' ', '-'),
                  config.getFileName(),
                  kindName,
                  prior,
                  points,
                  rows,
                  cpu,
                  wall,
                  iv.cl68().lower(),
                  iv.cl68().upper(),
                  ex.cl68().lower(),
                  ex.cl68().upper(),
                  iv.cl95().lower(),
                  iv.cl95().upper(),
                  ex.cl95().lower(),
                  ex.cl95().upper(),
                  d68lo,
                  d68hi,
                  d95lo,
                  d95hi,
                  worst,
                  worst <= 1 ? "OK" : "FAIL"))
          .append('\n');
    }
    System.out.print(sb);
    System.out.println(divergence(model));
  }

  /**
   * The Kullback–Leibler term of the Asimov q(θ0) that sets the interval's ends, E[−log r̂(x|θ0)]
   * over x ~ p(x|θ1 = 0) (20 000 simulator events, seed 99), beside the exact one, its part from x
   * > 2.5 and E[r̂] (1 for a normalised ratio), at θ0 = −0.4 and +0.3.
   */
  private static String divergence(Path model) {
    var sim = Simulators.INTERFERENCE_1D.create();
    EventSample ev = sim.events(20_000, 99);
    double[][] thetas = {{-0.4}, {0.3}};
    var loaded = ModelFolder.load(model);
    double[][] lr =
        loaded.model().isMorphingAware()
            ? loaded.morphingAwareModel().logRatio(ev, thetas)
            : loaded.ratioModel().logRatio(ev, thetas);
    StringBuilder sb = new StringBuilder("seed-kl");
    for (int j = 0; j < thetas.length; j++) {
      double hat = 0;
      double exact = 0;
      double tailHat = 0;
      double tailExact = 0;
      double r = 0;
      int n = ev.size();
      for (int i = 0; i < n; i++) {
        double e = sim.logRatio(ev.xRow(i), thetas[j], new double[] {0});
        hat -= lr[j][i] / n;
        exact -= e / n;
        r += Math.exp(lr[j][i]) / n;
        if (ev.xRow(i)[0] > 2.5) {
          tailHat -= lr[j][i] / n;
          tailExact -= e / n;
        }
      }
      sb.append(
          String.format(
              Locale.ROOT,
              " theta0=%.1f KL^=%.4f KL=%.4f (x>2.5: %.4f vs %.4f) E[r^]=%.3f",
              thetas[j][0],
              hat,
              exact,
              tailHat,
              tailExact,
              r));
    }
    return sb.toString();
  }
}
