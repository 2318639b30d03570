package org.sbi4j.samples;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/** Seeded random permutations, used to shuffle events when they are written or drawn. */
public final class Permutations {
  private Permutations() {}

  /** A uniformly random permutation of 0..n−1 (Fisher–Yates); same seed, same permutation. */
  public static int[] random(int n, long seed) {
    UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
    int[] p = new int[n];
    for (int i = 0; i < n; i++) {
      p[i] = i;
    }
    for (int i = n - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      int t = p[i];
      p[i] = p[j];
      p[j] = t;
    }
    return p;
  }
}
