package org.sbi4j.inference.histfactory;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.special.Gamma;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.apache.commons.rng.sampling.distribution.PoissonSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.sbi4j.common.InvalidValueException;
import org.sbi4j.inference.histfactory.ParameterSet.Constraint;

/**
 * The HistFactory likelihood of a workspace (docs/math.md §6.1): expected yields λ_b(θ) = Σ_s (Π_k
 * κ_sbk(θ)) (ν_sb + Σ_h Δ_sbh(θ)), the Poisson main term Σ_b [n_b ln λ_b − λ_b − ln Γ(n_b + 1)] and
 * the constraint terms, with the gradient of −ln L in closed form.
 */
public final class HistFactoryModel {
  private static final double HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);

  private final List<ParameterSet> sets;
  private final int poiIndex;
  private final List<SampleTerm> terms;
  private final double[] observed;
  private final int size;
  private final int bins;
  private ModelSpec spec;

  /** One modifier as applied to one sample. */
  sealed interface Op {
    /** A factor θ_p on every bin (normfactor, lumi). */
    record Scale(int p) implements Op {}

    /** A factor η(α_p) on every bin (normsys). */
    record NormSys(int p, double lo, double hi, Interpolation code, double[] coefficients)
        implements Op {}

    /** A shift Δ_b(α_p) (histosys), with dDown = nom − lo and dUp = hi − nom. */
    record HistoSys(int p, double[] dDown, double[] dUp, Interpolation code) implements Op {}

    /** A factor θ_{index[b]} on bin b (shapesys, staterror, shapefactor). */
    record PerBin(int[] index) implements Op {}
  }

  /** One sample of one channel: its first global bin, nominal yields and modifiers. */
  record SampleTerm(int offset, double[] nominal, List<Op> ops) {}

  HistFactoryModel(
      List<ParameterSet> sets, int poiIndex, List<SampleTerm> terms, double[] observed) {
    this.sets = List.copyOf(sets);
    this.poiIndex = poiIndex;
    this.terms = List.copyOf(terms);
    this.observed = observed.clone();
    int n = 0;
    for (ParameterSet s : sets) {
      n += s.size();
    }
    this.size = n;
    this.bins = observed.length;
  }

  /**
   * The model of {@code ws} for its measurement {@code measurement} (null: the first) with the
   * given interpolation codes (pyhf's defaults: normsys code4, histosys code4p).
   */
  public static HistFactoryModel of(
      Workspace ws, String measurement, Interpolation normsys, Interpolation histosys) {
    if (normsys != Interpolation.CODE1 && normsys != Interpolation.CODE4) {
      throw new IllegalArgumentException(
          "interpolation: normsys takes code1 or code4, not " + normsys.codeName());
    }
    if (histosys != Interpolation.CODE0 && histosys != Interpolation.CODE4P) {
      throw new IllegalArgumentException(
          "interpolation: histosys takes code0 or code4p, not " + histosys.codeName());
    }
    int index = measurementIndex(ws, measurement);
    HistFactoryModel model = new ModelBuilder(ws, index).build(normsys, histosys);
    model.spec = new ModelSpec(ws, ws.measurements().get(index).name(), normsys, histosys);
    return model;
  }

  /** Index of the measurement {@code name} (null: the first). */
  private static int measurementIndex(Workspace ws, String name) {
    if (name == null) {
      return 0;
    }
    List<String> names = new ArrayList<>();
    for (Workspace.Measurement m : ws.measurements()) {
      if (m.name().equals(name)) {
        return names.size();
      }
      names.add("'" + m.name() + "'");
    }
    throw new InvalidValueException(
        "measurement",
        "the workspace has no measurement named '"
            + name
            + "'; it has "
            + String.join(", ", names));
  }

  /** The model with pyhf's default interpolation (normsys code4, histosys code4p). */
  public static HistFactoryModel of(Workspace ws) {
    return of(ws, null, Interpolation.CODE4, Interpolation.CODE4P);
  }

  /** What rebuilds this model (on a Spark executor, say): workspace, measurement, codes. */
  public ModelSpec spec() {
    return spec;
  }

  /** Name of the measurement this model was built from. */
  public String measurement() {
    return spec.measurement();
  }

  /** Number of parameters. */
  public int size() {
    return size;
  }

  /** Number of bins over all channels. */
  public int bins() {
    return bins;
  }

  /** Index of the parameter of interest. */
  public int poiIndex() {
    return poiIndex;
  }

  /** Name of the parameter of interest. */
  public String poi() {
    return sets.get(0).name();
  }

  /** The parameter sets, in parameter order (their constraints, for sharing parameters). */
  List<ParameterSet> parameterSets() {
    return sets;
  }

  /** Parameter names, per-bin sets as {@code name[i]} (pyhf's {@code par_names}). */
  public List<String> parameterNames() {
    List<String> names = new ArrayList<>();
    for (ParameterSet s : sets) {
      if (s.perBin()) {
        for (int i = 0; i < s.size(); i++) {
          names.add(s.name() + "[" + i + "]");
        }
      } else {
        names.add(s.name());
      }
    }
    return names;
  }

  /** Starting values of every parameter. */
  public double[] inits() {
    return gather(0);
  }

  /** Lower bounds. */
  public double[] lower() {
    return gather(1);
  }

  /** Upper bounds. */
  public double[] upper() {
    return gather(2);
  }

  /** Fixed flags (pyhf's suggested_fixed). */
  public boolean[] fixed() {
    boolean[] out = new boolean[size];
    for (ParameterSet s : sets) {
      System.arraycopy(s.fixed(), 0, out, s.offset(), s.size());
    }
    return out;
  }

  private double[] gather(int which) {
    double[] out = new double[size];
    for (ParameterSet s : sets) {
      double[] v = which == 0 ? s.inits() : which == 1 ? s.lower() : s.upper();
      System.arraycopy(v, 0, out, s.offset(), s.size());
    }
    return out;
  }

  /** The observed data: main counts of every channel and the nominal auxiliary data. */
  public Data observedData() {
    List<Double> aux = new ArrayList<>();
    for (ParameterSet s : sets) {
      for (double a : s.auxdata()) {
        aux.add(a);
      }
    }
    return new Data(observed, aux.stream().mapToDouble(Double::doubleValue).toArray());
  }

  /**
   * Expected data at {@code pars}: main yields λ(θ) and auxiliary data at their expectation (θ for
   * Gaussian constraints, τθ for Poisson ones), as pyhf's {@code expected_data}.
   */
  public Data expectedData(double[] pars) {
    double[] aux = new double[observedData().aux().length];
    int k = 0;
    for (ParameterSet s : sets) {
      for (int i = 0; i < s.auxdata().length; i++) {
        double p = pars[s.offset() + i];
        aux[k++] = s.constraint() == Constraint.POISSON ? s.factors()[i] * p : p;
      }
    }
    return new Data(expectedMain(pars, null), aux);
  }

  /**
   * A pseudo-experiment drawn from the model at {@code pars}, as pyhf's {@code
   * make_pdf(pars).sample}: main counts Poisson(λ_b(θ)); auxiliary data from their constraint pdfs,
   * Normal(θ, σ) for Gaussian constraints and Poisson(τθ) for Poisson ones.
   */
  public Data sample(double[] pars, UniformRandomProvider rng) {
    double[] lambda = expectedMain(pars, null);
    double[] main = new double[bins];
    for (int b = 0; b < bins; b++) {
      main[b] = lambda[b] > 0 ? PoissonSampler.of(rng, lambda[b]).sample() : 0;
    }
    double[] aux = new double[observedData().aux().length];
    ContinuousSampler gauss = ZigguratSampler.NormalizedGaussian.of(rng);
    int k = 0;
    for (ParameterSet s : sets) {
      for (int i = 0; i < s.auxdata().length; i++) {
        double p = pars[s.offset() + i];
        if (s.constraint() == Constraint.POISSON) {
          double rate = s.factors()[i] * p;
          aux[k++] = rate > 0 ? PoissonSampler.of(rng, rate).sample() : 0;
        } else {
          aux[k++] = p + s.sigmas()[i] * gauss.sample();
        }
      }
    }
    return new Data(main, aux);
  }

  /** Expected yields per bin; with {@code jacobian} (bins × size) non-null, also ∂λ_b/∂θ_p. */
  double[] expectedMain(double[] pars, double[][] jacobian) {
    double[] lambda = new double[bins];
    double[] tmp = new double[2];
    for (SampleTerm t : terms) {
      int nb = t.nominal().length;
      int nops = t.ops().size();
      for (int b = 0; b < nb; b++) {
        double sum = t.nominal()[b];
        double product = 1;
        double[] f = new double[nops];
        double[] df = new double[nops];
        for (int k = 0; k < nops; k++) {
          Op op = t.ops().get(k);
          if (op instanceof Op.Scale s) {
            f[k] = pars[s.p()];
            df[k] = 1;
          } else if (op instanceof Op.NormSys s) {
            Interpolation.factor(s.code(), pars[s.p()], s.lo(), s.hi(), s.coefficients(), tmp);
            f[k] = tmp[0];
            df[k] = tmp[1];
          } else if (op instanceof Op.HistoSys h) {
            Interpolation.shift(h.code(), pars[h.p()], h.dDown()[b], h.dUp()[b], tmp);
            sum += tmp[0];
            f[k] = 1;
            df[k] = tmp[1];
          } else {
            f[k] = pars[((Op.PerBin) op).index()[b]];
            df[k] = 1;
          }
          product *= f[k];
        }
        lambda[t.offset() + b] += product * sum;
        if (jacobian != null) {
          double[] row = jacobian[t.offset() + b];
          for (int k = 0; k < nops; k++) {
            Op op = t.ops().get(k);
            if (op instanceof Op.HistoSys h) {
              row[h.p()] += product * df[k];
              continue;
            }
            double others = 1;
            for (int j = 0; j < nops; j++) {
              if (j != k) {
                others *= f[j];
              }
            }
            int p = op instanceof Op.PerBin pb ? pb.index()[b] : parameter(op);
            row[p] += others * df[k] * sum;
          }
        }
      }
    }
    return lambda;
  }

  private static int parameter(Op op) {
    if (op instanceof Op.Scale s) {
      return s.p();
    }
    if (op instanceof Op.NormSys s) {
      return s.p();
    }
    return ((Op.HistoSys) op).p();
  }

  /** ln L(θ) of {@code data} (pyhf's {@code logpdf}). */
  public double logPdf(double[] pars, Data data) {
    return -negativeLogLikelihood(pars, data, null);
  }

  /**
   * −ln L(θ); with {@code gradient} non-null (length size), also its gradient. +∞ where a bin's
   * expectation is ≤ 0 with counts in it.
   */
  public double negativeLogLikelihood(double[] pars, Data data, double[] gradient) {
    double[][] jac = gradient == null ? null : new double[bins][size];
    double[] lambda = expectedMain(pars, jac);
    double logL = 0;
    if (gradient != null) {
      java.util.Arrays.fill(gradient, 0);
    }
    double[] n = data.main();
    for (int b = 0; b < bins; b++) {
      if (!(lambda[b] > 0)) {
        if (n[b] > 0 || lambda[b] < 0) {
          return Double.POSITIVE_INFINITY;
        }
      }
      logL += poissonLog(n[b], lambda[b]);
      if (gradient != null) {
        double d = 1 - (n[b] == 0 ? 0 : n[b] / lambda[b]);
        double[] row = jac[b];
        for (int p = 0; p < size; p++) {
          gradient[p] += d * row[p];
        }
      }
    }
    int k = 0;
    double[] aux = data.aux();
    for (ParameterSet s : sets) {
      for (int i = 0; i < s.auxdata().length; i++) {
        int p = s.offset() + i;
        double a = aux[k++];
        if (s.constraint() == Constraint.NORMAL) {
          double sigma = s.sigmas()[i];
          double z = (a - pars[p]) / sigma;
          logL += -0.5 * z * z - Math.log(sigma) - HALF_LOG_TWO_PI;
          if (gradient != null) {
            gradient[p] -= z / sigma;
          }
        } else {
          double tau = s.factors()[i];
          double rate = tau * pars[p];
          if (!(rate > 0)) {
            return Double.POSITIVE_INFINITY;
          }
          logL += poissonLog(a, rate);
          if (gradient != null) {
            gradient[p] += tau * (1 - a / rate);
          }
        }
      }
    }
    return -logL;
  }

  /** Continuous Poisson log-density n ln λ − λ − ln Γ(n + 1), with 0 ln 0 = 0. */
  static double poissonLog(double n, double lambda) {
    return (n == 0 ? 0 : n * Math.log(lambda)) - lambda - Gamma.logGamma(n + 1);
  }

  /** Main counts (all channels) and auxiliary data (in parameter order). */
  public record Data(double[] main, double[] aux) {
    public Data {
      main = main.clone();
      aux = aux.clone();
    }

    @Override
    public double[] main() {
      return main.clone();
    }

    @Override
    public double[] aux() {
      return aux.clone();
    }
  }
}
