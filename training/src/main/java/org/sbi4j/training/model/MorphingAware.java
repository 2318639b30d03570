package org.sbi4j.training.model;

import java.util.Locale;
import org.sbi4j.common.Check;
import org.sbi4j.morphing.Morpher;
import org.sbi4j.morphing.MorphingSetup;
import org.sbi4j.samples.EventSample;

/**
 * How a morphing-aware ratio model (docs/math.md §3.9) turns its network outputs o(x) into log
 * r̂(x|θ) and t̂ = ∇θ log r̂, so that the θ-dependence is exactly the morphing polynomial.
 *
 * <ul>
 *   <li>{@link Kind#LINEAR}: one output per basis benchmark b, r̂_b(x) = e^{clip(o_b)}, and r̂(x|θ)
 *       = Σ_b w_b(θ) σ_b r̂_b(x) / Σ_b w_b(θ) σ_b, with w_b the morphing weights and σ_b the
 *       benchmark cross sections of the events.
 *   <li>{@link Kind#QUADRATIC}: one parameter, θ1 = 0, two outputs A, B and r̂(x|θ) = [(1 + θA)² +
 *       (θB)²] / (σ(θ)/σ(0)).
 * </ul>
 *
 * In both the numerator N is floored at D e^{−c} (D the denominator, c {@code logRatioClip}), so
 * log r̂ ≥ −c and t̂ = 0 where the morphing numerator is not positive.
 *
 * @param kind the combination
 * @param components components × parameters exponents of the morphing
 * @param basis benchmarks × parameters
 * @param matrix the morphing matrix W, components × benchmarks
 * @param benchmarkSigma σ_b of every benchmark (pb), from the events
 * @param logRatioClip c
 * @param reference LINEAR: θ1, a basis point whose component is fixed to r̂_b ≡ 1 (p(x|θ1)/p(x|θ1)
 *     is exactly 1), or null to learn every component
 * @param form LINEAR: how the outputs give each r̂_b (null reads as {@link ComponentForm#EXP})
 */
public record MorphingAware(
    Kind kind,
    int[][] components,
    double[][] basis,
    double[][] matrix,
    double[] benchmarkSigma,
    double logRatioClip,
    double[] reference,
    ComponentForm form) {
  /**
   * The largest c of the linear combination: its numerator N = Σ_b w_b σ_b r̂_b cancels where
   * dσ(x|θ) is small (negative weights), and t̂ = ∂N/N − ∂D/D grows as e^{c} where N reaches its
   * floor D e^{−c}; with c = 10 single rows gave score losses of 10⁴ and wrecked the training
   * (docs/math.md §3.9). MadMiner clamps its component ratios at the same 5.
   */
  public static final double LINEAR_CLIP = 5;

  /**
   * The default weight α of the score term for the linear combination (docs/math.md §3.9): 0.1, a
   * tenth of ALICES's usual weight, since its t̂ is a ratio of network sums that grows large where
   * the combination cancels; with the default form, E[(log r̂ − log r)²] on interference-1d
   * measured 0.0051, 0.0085, 0.0048 on three training seeds with α = 0.1 (0.0036, 0.0038, 0.0049
   * with α = 0, which is ALICE's loss rather than ALICES's). A config that sets α keeps it.
   */
  public static final double LINEAR_ALPHA = 0.1;

  /** How the linear combination's outputs give each component r̂_b, clamped to [e^{−c}, e^{c}]. */
  public enum ComponentForm {
    /** One output o_b per benchmark, r̂_b = e^{o_b}. */
    EXP,
    /**
     * Two outputs u_b, v_b per benchmark (all u, then all v), r̂_b = (1 + u_b)² + v_b²: a component
     * with a zero of dσ_b inside the support is a square that crosses zero, not a dip of e^{o_b}.
     */
    SQUARES,
    /**
     * Two outputs u_b, v_b per benchmark, r̂_b = [(1 + u_b)² + e^{v_b}]/2: a square that can cross
     * zero plus a positive floor that is learnt on the log scale.
     */
    SQUARE_PLUS_EXP
  }

  /**
   * The component form {@link #of} gives the linear combination: measured on interference-1d E[(log
   * r̂ − log r)²] 0.0036 and 0.0038 on two training seeds against 0.022 of {@link
   * ComponentForm#EXP} (docs/math.md §3.9).
   */
  public static final ComponentForm LINEAR_FORM = ComponentForm.SQUARE_PLUS_EXP;

  /** The two combinations. */
  public enum Kind {
    /** Σ_b w_b σ_b r̂_b / Σ_b w_b σ_b. */
    LINEAR,
    /** [(1 + θA)² + (θB)²]/(σ(θ)/σ(0)), one parameter. */
    QUADRATIC
  }

  public MorphingAware {
    if (kind == null) {
      throw new IllegalArgumentException("a morphing-aware kind is required");
    }
    Morpher m = Morpher.withMatrix(components, basis, matrix);
    Check.length("benchmark cross sections", benchmarkSigma, m.benchmarkCount());
    Check.finite("benchmark cross sections", benchmarkSigma);
    if (!(logRatioClip > 0)) {
      throw new IllegalArgumentException("logRatioClip " + logRatioClip + " must be positive");
    }
    if (kind == Kind.QUADRATIC) {
      if (m.parameterCount() != 1) {
        throw new IllegalArgumentException(
            "the quadratic morphing-aware model has one parameter, the setup has "
                + m.parameterCount());
      }
      if (!(m.crossSection(new double[] {0}, benchmarkSigma) > 0)) {
        throw new IllegalArgumentException("the quadratic morphing-aware model needs σ(0) > 0");
      }
    }
    form = form == null ? ComponentForm.EXP : form;
    if (reference != null) {
      Check.length("reference", reference, m.parameterCount());
      if (kind != Kind.LINEAR || fixedIndex(basis, reference) < 0) {
        throw new IllegalArgumentException(
            "a fixed reference θ1 needs the linear combination and θ1 among the basis points");
      }
      reference = reference.clone();
    }
    components = Check.copy(components);
    basis = Check.copy(basis);
    matrix = Check.copy(matrix);
    benchmarkSigma = benchmarkSigma.clone();
  }

  @Override
  public int[][] components() {
    return Check.copy(components);
  }

  @Override
  public double[][] basis() {
    return Check.copy(basis);
  }

  @Override
  public double[][] matrix() {
    return Check.copy(matrix);
  }

  @Override
  public double[] benchmarkSigma() {
    return benchmarkSigma.clone();
  }

  @Override
  public double[] reference() {
    return reference == null ? null : reference.clone();
  }

  /** The benchmark whose component is fixed to r̂_b ≡ 1, or −1 when every one is learnt. */
  public int fixedComponent() {
    return reference == null ? -1 : fixedIndex(basis, reference);
  }

  private static int fixedIndex(double[][] basis, double[] theta) {
    for (int b = 0; b < basis.length; b++) {
      if (java.util.Arrays.equals(basis[b], theta)) {
        return b;
      }
    }
    return -1;
  }

  /**
   * The combination {@code kind} for the setup of weighted {@code events}: σ_b = Σ_e w_e(θ_b), the
   * benchmark cross sections of the events.
   */
  public static MorphingAware fromEvents(
      Kind kind, MorphingSetup setup, EventSample events, double logRatioClip) {
    int nb = setup.benchmarks().size();
    double[] w = events.weights();
    if (w == null) {
      throw new IllegalArgumentException(
          "the events carry no benchmark weights; a morphing-aware model needs weighted events");
    }
    double[] sigma = new double[nb];
    for (int r = 0; r < w.length; r++) {
      sigma[r % nb] += w[r];
    }
    return of(kind, setup, sigma, logRatioClip);
  }

  /** The combination {@code kind} for {@code setup} with the benchmark cross sections σ_b. */
  public static MorphingAware of(
      Kind kind, MorphingSetup setup, double[] benchmarkSigma, double logRatioClip) {
    return new MorphingAware(
        kind,
        setup.components(),
        setup.basis(),
        setup.morpher().matrix(),
        benchmarkSigma,
        logRatioClip,
        null,
        kind == Kind.LINEAR ? LINEAR_FORM : null);
  }

  /**
   * This combination with its morphing re-expressed on {@code basis} (the same polynomial space,
   * other benchmark points; σ_b morphed to them) and the component at {@code reference} fixed to
   * r̂_b ≡ 1 (null: none fixed).
   */
  public MorphingAware withBasis(double[][] basis, double[] reference, ComponentForm form) {
    Morpher old = morpher();
    Morpher m = Morpher.of(components, basis);
    double[] sigma = new double[basis.length];
    for (int b = 0; b < basis.length; b++) {
      sigma[b] = old.crossSection(basis[b], benchmarkSigma);
    }
    return new MorphingAware(
        kind, components, basis, m.matrix(), sigma, logRatioClip, reference, form);
  }

  /**
   * This combination with the component at {@code theta1} fixed to r̂_b ≡ 1 when θ1 is one of its
   * basis points and the combination is linear; otherwise this combination.
   */
  public MorphingAware withReferenceIfBasisPoint(double[] theta1) {
    if (kind != Kind.LINEAR || reference != null || fixedIndex(basis, theta1) < 0) {
      return this;
    }
    return new MorphingAware(
        kind, components, basis, matrix, benchmarkSigma, logRatioClip, theta1, form);
  }

  /** The c a combination of {@code kind} uses for a training config's {@code logRatioClip}. */
  public static double clipFor(Kind kind, double logRatioClip) {
    return kind == Kind.LINEAR ? Math.min(logRatioClip, LINEAR_CLIP) : logRatioClip;
  }

  /** The morpher of the components, basis and matrix. */
  public Morpher morpher() {
    return Morpher.withMatrix(components, basis, matrix);
  }

  /** Number of parameters p. */
  public int parameterCount() {
    return components[0].length;
  }

  /** Network outputs: one (EXP) or two (SQUARES) per benchmark (LINEAR), or 2 (QUADRATIC). */
  public int outputs() {
    return kind == Kind.LINEAR ? basis.length * (form == ComponentForm.EXP ? 1 : 2) : 2;
  }

  /**
   * The per-row coefficients the training graph is fed at θ: LINEAR {w_b σ_b (b), then ∂w_b/∂θ_k
   * σ_b for each k (p × b)}; QUADRATIC {θ, D(θ) = σ(θ)/σ(0), D'(θ)}.
   */
  public double[][] coefficients(Morpher morpher, double[] theta) {
    if (kind == Kind.QUADRATIC) {
      double s0 = morpher.crossSection(new double[] {0}, benchmarkSigma);
      return new double[][] {
        {theta[0]},
        {morpher.crossSection(theta, benchmarkSigma) / s0},
        {morpher.crossSectionGradient(theta, benchmarkSigma)[0] / s0}
      };
    }
    int nb = basis.length;
    int p = parameterCount();
    double[] w = morpher.weights(theta);
    double[][] g = morpher.weightGradients(theta);
    double[][] out = new double[1 + p][nb];
    for (int b = 0; b < nb; b++) {
      out[0][b] = w[b] * benchmarkSigma[b];
      for (int k = 0; k < p; k++) {
        out[1 + k][b] = g[k][b] * benchmarkSigma[b];
      }
    }
    return out;
  }

  /**
   * The components r̂_b of one row (LINEAR): 1 for the fixed one, else by {@link #form}, clamped to
   * [e^{−c}, e^{c}].
   *
   * @param outputs the network outputs o(x)
   */
  public double[] componentRatios(double[] outputs) {
    int nb = basis.length;
    int fixed = fixedComponent();
    double lo = Math.exp(-logRatioClip);
    double hi = Math.exp(logRatioClip);
    double[] out = new double[nb];
    for (int b = 0; b < nb; b++) {
      if (b == fixed) {
        out[b] = 1;
      } else if (form == ComponentForm.SQUARES) {
        double u = 1 + outputs[b];
        double v = outputs[nb + b];
        out[b] = Math.max(lo, Math.min(hi, u * u + v * v));
      } else if (form == ComponentForm.SQUARE_PLUS_EXP) {
        double u = 1 + outputs[b];
        double v = Math.min(logRatioClip, outputs[nb + b]);
        out[b] = Math.max(lo, Math.min(hi, (u * u + Math.exp(v)) / 2));
      } else {
        out[b] = Math.exp(Math.max(-logRatioClip, Math.min(logRatioClip, outputs[b])));
      }
    }
    return out;
  }

  /**
   * The member mean of every component r̂_b (LINEAR): an ensemble combines these, so its r̂·σ(θ) is
   * again exactly the morphing polynomial (the member mean of the members' polynomials).
   *
   * @param members the outputs of every member on one row
   */
  public double[] meanComponentRatios(double[][] members) {
    double[] out = new double[basis.length];
    for (double[] o : members) {
      double[] r = componentRatios(o);
      for (int b = 0; b < out.length; b++) {
        out[b] += r[b] / members.length;
      }
    }
    return out;
  }

  /**
   * log r̂ and t̂ of one row (the evaluation formula, in double).
   *
   * @param outputs the network outputs o(x)
   * @param coefficients {@link #coefficients} at θ
   * @return {log r̂, t̂_1 … t̂_p}
   */
  public double[] combine(double[] outputs, double[][] coefficients) {
    return combine(outputs, null, coefficients);
  }

  /**
   * log r̂ and t̂ of one row of the linear combination from its components r̂_b ({@link
   * #componentRatios}, {@link #meanComponentRatios}).
   */
  public double[] combineComponents(double[] ratios, double[][] coefficients) {
    if (kind != Kind.LINEAR) {
      throw new IllegalStateException("components belong to the linear combination");
    }
    return combine(null, ratios, coefficients);
  }

  private double[] combine(double[] outputs, double[] ratios, double[][] coefficients) {
    int p = parameterCount();
    double[] out = new double[1 + p];
    double n;
    double d;
    double[] dn = new double[p];
    double[] dd = new double[p];
    if (kind == Kind.QUADRATIC) {
      double theta = coefficients[0][0];
      double a = outputs[0];
      double b = outputs[1];
      n = (1 + theta * a) * (1 + theta * a) + theta * b * theta * b;
      dn[0] = 2 * a * (1 + theta * a) + 2 * theta * b * b;
      d = coefficients[1][0];
      dd[0] = coefficients[2][0];
    } else {
      n = 0;
      d = 0;
      double[] r = ratios != null ? ratios : componentRatios(outputs);
      for (int c = 0; c < r.length; c++) {
        double e = r[c];
        n += coefficients[0][c] * e;
        d += coefficients[0][c];
        for (int k = 0; k < p; k++) {
          dn[k] += coefficients[1 + k][c] * e;
          dd[k] += coefficients[1 + k][c];
        }
      }
    }
    if (!(d > 0)) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "the morphed cross section is %s at this θ; a morphing-aware ratio needs σ(θ) > 0",
              d));
    }
    double floor = d * Math.exp(-logRatioClip);
    if (!(n >= floor)) {
      out[0] = -logRatioClip;
      return out;
    }
    out[0] = Math.log(n) - Math.log(d);
    for (int k = 0; k < p; k++) {
      out[1 + k] = dn[k] / n - dd[k] / d;
    }
    return out;
  }
}
