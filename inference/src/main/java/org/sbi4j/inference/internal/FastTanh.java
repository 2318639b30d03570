package org.sbi4j.inference.internal;

/**
 * tanh in float by the rational approximation Eigen uses (odd degree-13 numerator over even
 * degree-6 denominator, argument clamped to ±7.9053): a few float ulps from the exact value, and
 * plain arithmetic that the JIT vectorises, unlike {@link Math#tanh}.
 */
public final class FastTanh {
  static final float CLAMP = 7.90531110763549805f;
  static final float A1 = 4.89352455891786e-03f;
  static final float A3 = 6.37261928875436e-04f;
  static final float A5 = 1.48572235717979e-05f;
  static final float A7 = 5.12229709037114e-08f;
  static final float A9 = -8.60467152213735e-11f;
  static final float A11 = 2.00018790482477e-13f;
  static final float A13 = -2.76076847742355e-16f;
  static final float B0 = 4.89352518554385e-03f;
  static final float B2 = 2.26843463243900e-03f;
  static final float B4 = 1.18534705686654e-04f;
  static final float B6 = 1.19825839466702e-06f;

  private FastTanh() {}

  /** tanh of v[from..to) in place. */
  public static void apply(float[] v, int from, int to) {
    for (int i = from; i < to; i++) {
      float x = Math.max(-CLAMP, Math.min(CLAMP, v[i]));
      float x2 = x * x;
      float p = x2 * A13 + A11;
      p = x2 * p + A9;
      p = x2 * p + A7;
      p = x2 * p + A5;
      p = x2 * p + A3;
      p = x2 * p + A1;
      p = x * p;
      float q = x2 * B6 + B4;
      q = x2 * q + B2;
      q = x2 * q + B0;
      v[i] = p / q;
    }
  }

  /** The logistic σ(z) = (1 + tanh(z/2))/2 of v[from..to) in place. */
  public static void sigmoid(float[] v, int from, int to) {
    for (int i = from; i < to; i++) {
      v[i] *= 0.5f;
    }
    apply(v, from, to);
    for (int i = from; i < to; i++) {
      v[i] = 0.5f * v[i] + 0.5f;
    }
  }
}
