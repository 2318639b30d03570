package org.sbi4j.inference.protomodels;

import java.util.ArrayList;
import java.util.List;
import org.sbi4j.morphing.Parameter;

/**
 * The built-in EFT toy database (docs/cli.md, {@code protomodels toy-database --eft}): three
 * operators cG, cW, cB with coefficients in [−2, 2], five counting analyses whose regions are
 * predicted by quadratic morphing templates, and optionally a planted coefficient cG = {@value
 * #PLANTED_COEFFICIENT}, which the combinable analyses E01 and E02 see best (E05 sees it weakly but
 * shares events with E01).
 *
 * <p>Every region's visible cross section is a polynomial Y(θ) = y₀ + Σ_i l_i θ_i + Σ_{i≤j} q_ij
 * θ_i θ_j (fb), tabulated at the template's basis points; y₀ L is the region's background. The
 * interference terms l differ between E01 and E02, so their mirror solutions θ' = −l/q − θ differ
 * and only the planted value explains both.
 */
public final class EftToyDatabase {
  /** The planted coefficient of cG. */
  public static final double PLANTED_COEFFICIENT = 1;

  /** The operators' names. */
  static final List<String> OPERATORS = List.of("cG", "cW", "cB");

  /** Luminosity of every analysis (fb⁻¹). */
  static final double LUMINOSITY = 140;

  /** Basis of a one-operator template: θ = 0, 1, −1 morph 1, θ, θ². */
  private static final double[][] BASIS_1 = {{0}, {1}, {-1}};

  /** Basis of a two-operator template: six points morph 1, θ₂, θ₂², θ₁, θ₁θ₂, θ₁². */
  private static final double[][] BASIS_2 = {{0, 0}, {1, 0}, {-1, 0}, {0, 1}, {0, -1}, {1, 1}};

  private EftToyDatabase() {}

  /**
   * The toy database with observations drawn with {@code seed}: from the Standard Model, or with
   * the planted coefficient when {@code planted}.
   */
  public static Database generate(long seed, boolean planted) {
    Database template = template();
    return template.drawn(seed, planted ? plantedModel(template) : template.standardModel());
  }

  /** The planted model of {@code db} (an EFT toy database): cG = 1, nothing else. */
  public static ProtoModel plantedModel(Database db) {
    return db.standardModel().withCoefficient(0, PLANTED_COEFFICIENT);
  }

  /** The toy database with every observation at its expected background (no fluctuation). */
  static Database template() {
    List<Parameter> ops = new ArrayList<>();
    for (String name : OPERATORS) {
      ops.add(Parameter.of(name, 2, -2, 2));
    }
    Parameter cG = ops.get(0);
    Parameter cW = ops.get(1);
    Parameter cB = ops.get(2);
    List<Analysis> analyses = new ArrayList<>();
    // one region each: {y₀, l, q} for one operator; {y₀, l₁, l₂, q₁₁, q₁₂, q₂₂} for two
    analyses.add(analysis("E01", one(cG, new double[][] {{40 / LUMINOSITY, 0.10, 0.10}})));
    analyses.add(
        analysis(
            "E02", two(cG, cW, new double[][] {{30 / LUMINOSITY, 0.15, 0.02, 0.05, 0.01, 0.03}})));
    analyses.add(
        analysis(
            "E03",
            two(
                cW,
                cB,
                new double[][] {
                  {60 / LUMINOSITY, 0.10, 0.05, 0.06, 0.02, 0.04},
                  {25 / LUMINOSITY, 0.04, 0.08, 0.03, 0.01, 0.06}
                })));
    analyses.add(analysis("E04", one(cB, new double[][] {{35 / LUMINOSITY, 0.12, 0.08}})));
    analyses.add(analysis("E05", one(cG, new double[][] {{80 / LUMINOSITY, 0.04, 0.03}})));
    int n = analyses.size();
    boolean[][] combinable = new boolean[n][n];
    for (int a = 0; a < n; a++) {
      for (int b = 0; b < n; b++) {
        combinable[a][b] = a != b;
      }
    }
    combinable[0][4] = false;
    combinable[4][0] = false;
    return new Database(List.of(), ops, analyses, combinable);
  }

  /**
   * A counting analysis whose background is the template's SM prediction, δ = 0.1 b + 1, with a
   * diagonal covariance so that all its regions enter.
   */
  private static Analysis analysis(String name, EftTemplate template) {
    double[] b = template.yields(new double[template.operators().size()]);
    int m = b.length;
    double[] delta = new double[m];
    double[][] cov = new double[m][m];
    for (int r = 0; r < m; r++) {
      b[r] *= LUMINOSITY;
      delta[r] = 0.1 * b[r] + 1;
      cov[r][r] = delta[r] * delta[r];
    }
    return new Analysis(
        name,
        LUMINOSITY,
        new CountingLikelihood(b.clone(), b, delta, m > 1 ? cov : null),
        List.of(),
        List.of(template));
  }

  /** Rows {y₀, l, q} per region: Y(θ) = y₀ + l θ + q θ². */
  private static EftTemplate one(Parameter op, double[][] coefficients) {
    double[][] yields = new double[BASIS_1.length][coefficients.length];
    for (int b = 0; b < BASIS_1.length; b++) {
      for (int r = 0; r < coefficients.length; r++) {
        yields[b][r] = polynomial(coefficients[r], BASIS_1[b]);
      }
    }
    return EftTemplate.of(List.of(op), 2, BASIS_1, yields);
  }

  /** Rows {y₀, l₁, l₂, q₁₁, q₁₂, q₂₂} per region. */
  private static EftTemplate two(Parameter op1, Parameter op2, double[][] coefficients) {
    double[][] yields = new double[BASIS_2.length][coefficients.length];
    for (int b = 0; b < BASIS_2.length; b++) {
      for (int r = 0; r < coefficients.length; r++) {
        yields[b][r] = polynomial(coefficients[r], BASIS_2[b]);
      }
    }
    return EftTemplate.of(List.of(op1, op2), 2, BASIS_2, yields);
  }

  /**
   * Y(θ) for one region: {y₀, l, q} with one operator, {y₀, l₁, l₂, q₁₁, q₁₂, q₂₂} with two (the
   * test suite checks the morphed templates against this polynomial).
   */
  static double polynomial(double[] c, double[] theta) {
    if (theta.length == 1) {
      return c[0] + c[1] * theta[0] + c[2] * theta[0] * theta[0];
    }
    double x = theta[0];
    double y = theta[1];
    return c[0] + c[1] * x + c[2] * y + c[3] * x * x + c[4] * x * y + c[5] * y * y;
  }
}
