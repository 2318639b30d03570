package org.sbi4j.inference.histfactory;

import java.util.Locale;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * HistFactory interpolation codes (docs/math.md §6.2). Multiplicative codes (code1, code4, for
 * normsys) give a factor η(α) with η(0) = 1, η(1) = hi/nom, η(−1) = lo/nom; additive codes (code0,
 * code4p, for histosys) give a shift Δ(α) with Δ(0) = 0, Δ(1) = hi − nom, Δ(−1) = lo − nom.
 */
public enum Interpolation {
  /** Piecewise linear shift. */
  CODE0(false),
  /** Piecewise exponential factor. */
  CODE1(false),
  /** Exponential factor outside |α| ≥ 1, a degree-6 polynomial inside (C² at ±1). */
  CODE4(true),
  /** Linear shift outside |α| > 1, a degree-6 polynomial inside (C² at ±1). */
  CODE4P(true);

  private final boolean polynomial;

  Interpolation(boolean polynomial) {
    this.polynomial = polynomial;
  }

  /** The code named {@code name} ("code0", "code1", "code4", "code4p"); null when unknown. */
  public static Interpolation fromName(String name) {
    for (Interpolation i : values()) {
      if (i.name().toLowerCase(Locale.ROOT).equals(name)) {
        return i;
      }
    }
    return null;
  }

  /** The lower-case name, e.g. "code4p". */
  public String codeName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** True for the polynomial codes. */
  boolean polynomial() {
    return polynomial;
  }

  /**
   * A multiplicative interpolation between the ratios {@code down} = lo/nom and {@code up} =
   * hi/nom: writes η(α) to out[0] and dη/dα to out[1]. {@code coefficients} are those of {@link
   * #code4Coefficients} (ignored by code1).
   */
  static void factor(
      Interpolation code, double alpha, double down, double up, double[] c, double[] out) {
    if (code != CODE1 && code != CODE4) {
      throw new IllegalStateException(code + " is not multiplicative");
    }
    boolean upper = code == CODE1 ? alpha > 0 : alpha >= 1;
    boolean lower = code == CODE1 ? alpha <= 0 : alpha <= -1;
    if (upper || alpha == 0) {
      out[0] = Math.pow(up, alpha);
      out[1] = out[0] * Math.log(up);
      return;
    }
    if (lower) {
      out[0] = Math.pow(down, -alpha);
      out[1] = -out[0] * Math.log(down);
      return;
    }
    double value = 1;
    double derivative = 0;
    double power = 1;
    for (int k = 1; k <= 6; k++) {
      derivative += k * c[k - 1] * power;
      power *= alpha;
      value += c[k - 1] * power;
    }
    out[0] = value;
    out[1] = derivative;
  }

  /**
   * Coefficients a₁…a₆ of code4's polynomial 1 + Σ a_k α^k that matches value, first and second
   * derivative of up^α at α = 1 and of down^(−α) at α = −1 (solved, not tabulated).
   */
  static double[] code4Coefficients(double down, double up) {
    double[][] a = new double[6][6];
    double[] b = new double[6];
    for (int side = 0; side < 2; side++) {
      double x = side == 0 ? 1 : -1;
      double base = side == 0 ? up : down;
      double l = Math.log(base) * (side == 0 ? 1 : -1);
      for (int k = 1; k <= 6; k++) {
        a[side][k - 1] = Math.pow(x, k);
        a[2 + side][k - 1] = k * Math.pow(x, k - 1);
        a[4 + side][k - 1] = k * (k - 1) * Math.pow(x, k - 2);
      }
      b[side] = base - 1;
      b[2 + side] = base * l;
      b[4 + side] = base * l * l;
    }
    RealMatrix m = new Array2DRowRealMatrix(a, false);
    return new LUDecomposition(m).getSolver().solve(new ArrayRealVector(b, false)).toArray();
  }

  /**
   * An additive interpolation with shifts {@code dUp} = hi − nom and {@code dDown} = nom − lo:
   * writes Δ(α) to out[0] and dΔ/dα to out[1].
   */
  static void shift(Interpolation code, double alpha, double dDown, double dUp, double[] out) {
    if (code == CODE0) {
      out[0] = alpha * (alpha > 0 ? dUp : dDown);
      out[1] = alpha >= 0 ? dUp : dDown;
      return;
    }
    if (code != CODE4P) {
      throw new IllegalStateException(code + " is not additive");
    }
    if (alpha > 1) {
      out[0] = alpha * dUp;
      out[1] = dUp;
    } else if (alpha < -1) {
      out[0] = alpha * dDown;
      out[1] = dDown;
    } else {
      double s = 0.5 * (dUp + dDown);
      double a = 0.0625 * (dUp - dDown);
      double a2 = alpha * alpha;
      out[0] = alpha * s + a2 * (a2 * (3 * a2 - 10) + 15) * a;
      out[1] = s + a * alpha * (18 * a2 * a2 - 40 * a2 + 30);
    }
  }
}
