package org.sbi4j.inference.protomodels;

import java.util.ArrayList;
import java.util.List;

/**
 * The built-in toy database (docs/cli.md, {@code protomodels toy-database}): three particles, ten
 * counting and upper-limit analyses, two experiments' worth of combinability, and optionally a
 * planted signal, particle X at {@value #PLANTED_MASS} GeV with κ = {@value #PLANTED_STRENGTH}
 * decaying to jj, which only the two combinable analyses A01 and A02 see.
 */
public final class ToyDatabase {
  /** Mass of the planted particle X. */
  public static final double PLANTED_MASS = 800;

  /** Signal strength of the planted particle X. */
  public static final double PLANTED_STRENGTH = 3;

  /** The analysis pairs that may not be combined (they share events); all others may. */
  static final String[][] OVERLAPPING = {
    {"A01", "A08"}, {"A02", "A08"}, {"A03", "A10"}, {"A04", "A07"}, {"A05", "A06"}
  };

  private static final double[] GRID = grid(100, 2100, 50);

  private ToyDatabase() {}

  /**
   * The toy database with observations drawn with {@code seed}: from the Standard Model, or with
   * the planted signal when {@code planted}.
   */
  public static Database generate(long seed, boolean planted) {
    Database template = template();
    return template.drawn(seed, planted ? plantedModel(template) : standardModel(template));
  }

  private static ProtoModel standardModel(Database db) {
    return db.standardModel();
  }

  /** The planted model of {@code db} (a toy database): X at 800 GeV, κ = 3, BR(jj) = 1. */
  public static ProtoModel plantedModel(Database db) {
    return standardModel(db)
        .with(db.particleIndex("X"), PLANTED_MASS, PLANTED_STRENGTH, new double[] {1, 0});
  }

  /** The toy database with every observation at its expected background (no fluctuation). */
  static Database template() {
    List<Particle> particles =
        List.of(
            particle("X", 200, 2000, 50, 4, List.of("jj", "bb")),
            particle("Y", 150, 1000, 20, 3, List.of("ll")),
            particle("Z", 300, 1500, 30, 4, List.of("aa", "jj")));
    List<Analysis> analyses = new ArrayList<>();
    analyses.add(
        counting(
            "A01",
            140,
            new double[] {40, 20, 10},
            null,
            map("X", "jj", new double[] {500, 800, 1100}, 150, 0.3)));
    analyses.add(
        counting(
            "A02",
            140,
            new double[] {30, 15},
            new double[][] {{16, 5}, {5, 6.25}},
            map("X", "jj", new double[] {700, 900}, 200, 0.2)));
    analyses.add(
        counting(
            "A03",
            140,
            new double[] {25, 12},
            null,
            map("X", "bb", new double[] {600, 1200}, 250, 0.25)));
    analyses.add(
        counting(
            "A04",
            140,
            new double[] {50, 20, 8},
            null,
            map("Y", "ll", new double[] {250, 500, 800}, 120, 0.4)));
    analyses.add(upperLimit("A05", 36, 0.8, map("Z", "aa", new double[] {900}, 500, 0.5)));
    analyses.add(
        counting(
            "A06", 140, new double[] {60}, null, map("Z", "jj", new double[] {1000}, 300, 0.2)));
    analyses.add(upperLimit("A07", 80, 0.5, map("Y", "ll", new double[] {500}, 300, 0.45)));
    analyses.add(
        counting(
            "A08",
            36,
            new double[] {80, 35},
            null,
            map("Z", "jj", new double[] {600, 1100}, 250, 0.15)));
    analyses.add(
        counting(
            "A09",
            140,
            new double[] {15},
            null,
            map("X", "bb", new double[] {1500}, 300, 0.2),
            map("Y", "ll", new double[] {900}, 150, 0.3)));
    analyses.add(upperLimit("A10", 36, 1.5, map("X", "bb", new double[] {1000}, 500, 0.3)));
    int n = analyses.size();
    boolean[][] combinable = new boolean[n][n];
    for (int a = 0; a < n; a++) {
      for (int b = 0; b < n; b++) {
        combinable[a][b] = a != b;
      }
    }
    for (String[] pair : OVERLAPPING) {
      int a = Integer.parseInt(pair[0].substring(1)) - 1;
      int b = Integer.parseInt(pair[1].substring(1)) - 1;
      combinable[a][b] = false;
      combinable[b][a] = false;
    }
    return new Database(particles, analyses, combinable);
  }

  /** σ(m) = σ₀ (m₀ / m)^k on a 100 GeV table, m₀ the lowest mass. */
  private static Particle particle(
      String name, double lo, double hi, double sigma0, double power, List<String> channels) {
    double[] masses = grid(lo - 50, hi + 50, 50);
    double[] xs = new double[masses.length];
    for (int i = 0; i < xs.length; i++) {
      xs[i] = sigma0 * Math.pow(lo / masses[i], power);
    }
    return new Particle(name, lo, hi, masses, xs, channels);
  }

  /** Regions centred at {@code centres}: ε_r(m) = ε₀ exp(−(m − c_r)² / (2 w²)). */
  private static EfficiencyMap map(
      String particle, String channel, double[] centres, double width, double peak) {
    double[][] eff = new double[GRID.length][centres.length];
    for (int i = 0; i < GRID.length; i++) {
      for (int r = 0; r < centres.length; r++) {
        double z = (GRID[i] - centres[r]) / width;
        eff[i][r] = peak * Math.exp(-0.5 * z * z);
      }
    }
    return new EfficiencyMap(particle, channel, GRID, eff);
  }

  /** Counting regions with δ = 0.1 b + 1 unless a covariance is given. */
  private static Analysis counting(
      String name, double lumi, double[] b, double[][] cov, EfficiencyMap... maps) {
    double[] delta = new double[b.length];
    for (int i = 0; i < b.length; i++) {
      delta[i] = 0.1 * b[i] + 1;
    }
    return new Analysis(
        name, lumi, new CountingLikelihood(b.clone(), b, delta, cov), List.of(maps));
  }

  /** An upper-limit analysis with expected limit {@code expectedFb} on the visible σ (fb). */
  private static Analysis upperLimit(
      String name, double lumi, double expectedFb, EfficiencyMap map) {
    double events = expectedFb * lumi;
    return new Analysis(
        name, lumi, new UpperLimitLikelihood(new TruncatedGaussian(events, events)), List.of(map));
  }

  private static double[] grid(double lo, double hi, double step) {
    int n = (int) Math.round((hi - lo) / step) + 1;
    double[] out = new double[n];
    for (int i = 0; i < n; i++) {
      out[i] = lo + i * step;
    }
    return out;
  }
}
