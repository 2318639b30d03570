package org.sbi4j.inference.nplm;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.PoissonSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.sbi4j.training.nplm.NplmProblem;

/**
 * Toys from one reference file (M events): each toy's data are N_D ~ Poisson(N(0)) events drawn
 * from the file and its reference is the rest. Unweighted files: data drawn without replacement,
 * reference the other M − N_D events (so no event is both), each weighing N(0)/(M − N_D). Weighted
 * files: data drawn with replacement with probability ∝ weight, reference the whole file with
 * weights scaled to sum to N(0) (M ≫ N(0) keeps the overlap negligible).
 */
public final class PoolToys implements ToySource {
  private static final long serialVersionUID = 1L;
  private final int dimension;
  private final double[] pool;
  private final double[] weights;
  private final double expected;

  /**
   * @param dimension d
   * @param pool M × d reference events, row-major
   * @param weights M event weights, or null
   * @param expected N(0) > 0; needs M > 2 N(0) so that toys leave a reference
   */
  public PoolToys(int dimension, double[] pool, double[] weights, double expected) {
    NplmProblem.weighted(dimension, pool, weights, new double[0], null, expected);
    int m = pool.length / dimension;
    if (m <= 2 * expected) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "the reference has %d events, too few for toys with N(0) = %s; give a reference with "
                  + "many more events than N(0)",
              m,
              expected));
    }
    this.dimension = dimension;
    this.pool = pool.clone();
    this.weights = weights == null ? null : weights.clone();
    this.expected = expected;
  }

  @Override
  public int dimension() {
    return dimension;
  }

  /**
   * Dimension, N(0), number of reference events and a SHA-256 of the reference's content (every
   * event and weight, bit for bit): a toy depends on nothing else besides seed and training.
   */
  @Override
  public Map<String, String> key() {
    Map<String, String> key = ToySource.super.key();
    key.put("expected", Double.toString(expected));
    key.put("reference events", Integer.toString(pool.length / dimension));
    key.put("reference SHA-256", sha256(pool, weights));
    return key;
  }

  private static String sha256(double[] pool, double[] weights) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      ByteBuffer b = ByteBuffer.allocate(8);
      for (double v : pool) {
        md.update(b.clear().putDouble(v).array());
      }
      md.update((byte) (weights == null ? 0 : 1));
      if (weights != null) {
        for (double v : weights) {
          md.update(b.clear().putDouble(v).array());
        }
      }
      return HexFormat.of().formatHex(md.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public NplmProblem draw(long seed) {
    UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
    int m = pool.length / dimension;
    int nd = Math.min(PoissonSampler.of(rng, expected).sample(), m - 1);
    double[] data = new double[nd * dimension];
    if (weights == null) {
      int[] index = new int[m];
      for (int i = 0; i < m; i++) {
        index[i] = i;
      }
      for (int i = 0; i < nd; i++) {
        int j = i + rng.nextInt(m - i);
        int tmp = index[i];
        index[i] = index[j];
        index[j] = tmp;
      }
      double[] ref = new double[(m - nd) * dimension];
      for (int i = 0; i < m; i++) {
        double[] target = i < nd ? data : ref;
        int row = i < nd ? i : i - nd;
        System.arraycopy(pool, index[i] * dimension, target, row * dimension, dimension);
      }
      return NplmProblem.weighted(dimension, ref, null, data, null, expected);
    }
    double[] cumulative = new double[m];
    double sum = 0;
    for (int i = 0; i < m; i++) {
      sum += weights[i];
      cumulative[i] = sum;
    }
    for (int i = 0; i < nd; i++) {
      int k = java.util.Arrays.binarySearch(cumulative, rng.nextDouble() * sum);
      int row = Math.min(m - 1, k >= 0 ? k : -k - 1);
      System.arraycopy(pool, row * dimension, data, i * dimension, dimension);
    }
    return NplmProblem.weighted(dimension, pool, weights, data, null, expected);
  }
}
