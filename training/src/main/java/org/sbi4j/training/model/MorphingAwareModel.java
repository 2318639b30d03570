package org.sbi4j.training.model;

import java.util.List;
import java.util.Locale;
import org.sbi4j.common.Check;
import org.sbi4j.morphing.Morpher;
import org.sbi4j.samples.EventSample;
import org.sbi4j.samples.estimators.Prediction;
import org.sbi4j.samples.estimators.RatioEstimator;

/**
 * A trained morphing-aware ratio model (docs/math.md §3.9): members x → o(x) and the {@link
 * MorphingAware} combination, log r̂(x|θ) and t̂ = ∇θ log r̂ of the ensemble (LINEAR: the
 * combination of the member means of the components r̂_b, so exactly polynomial; QUADRATIC: the
 * member means of log r̂ and t̂), population spread over the members as {@link NetworkEvaluator}.
 * Evaluated in double from the network outputs, which are computed once per event and member and
 * reused for every θ. Immutable and thread-safe.
 *
 * @param observables the d features, in input order
 * @param parameters the p parameters
 * @param xScaling standardisation of x
 * @param thetaRange θ0 box of the training rows, p × {min, max}
 * @param spec the combination
 * @param networks the members' networks (d inputs, {@link MorphingAware#outputs()} outputs each)
 */
public record MorphingAwareModel(
    List<String> observables,
    List<String> parameters,
    Scaling xScaling,
    double[][] thetaRange,
    MorphingAware spec,
    List<Network> networks)
    implements RatioEstimator {
  public MorphingAwareModel {
    observables = List.copyOf(observables);
    parameters = List.copyOf(parameters);
    networks = List.copyOf(networks);
    if (networks.isEmpty() || parameters.size() != spec.parameterCount()) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "a morphing-aware model needs members (%d) and the morphing's %d parameters (%d)",
              networks.size(),
              spec.parameterCount(),
              parameters.size()));
    }
    for (Network n : networks) {
      if (n.inputs() != observables.size() || n.outputs() != spec.outputs()) {
        throw new IllegalArgumentException(
            String.format(
                Locale.ROOT,
                "a member has %d inputs and %d outputs; the model needs %d and %d",
                n.inputs(),
                n.outputs(),
                observables.size(),
                spec.outputs()));
      }
    }
    thetaRange = Check.copy(thetaRange);
  }

  /** The morphing-aware model {@code data} describes (as trained or read from a model folder). */
  public static MorphingAwareModel of(ModelData data) {
    if (!data.isMorphingAware()) {
      throw new IllegalArgumentException(
          "a " + data.method().cliName() + " model that is not morphing-aware");
    }
    return new MorphingAwareModel(
        data.observables(),
        data.parameters(),
        data.xScaling(),
        data.thetaRange(),
        data.morphingAware(),
        data.members());
  }

  /** Each member network as a morphing-aware model of its own (the ensemble's members). */
  @Override
  public List<RatioEstimator> members() {
    if (networks.size() == 1) {
      return List.of(this);
    }
    return networks.stream()
        .<RatioEstimator>map(
            n ->
                new MorphingAwareModel(
                    observables, parameters, xScaling, thetaRange, spec, List.of(n)))
        .toList();
  }

  @Override
  public double[][] thetaRange() {
    return Check.copy(thetaRange);
  }

  /**
   * The outputs o(x) of every member on n raw feature rows: [member][row][output].
   *
   * @param x n × d raw features in the order of {@link #observables()}
   */
  public double[][][] outputs(double[] x) {
    int d = observables.size();
    int n = x.length / d;
    double[][][] out = new double[networks.size()][n][];
    for (int m = 0; m < networks.size(); m++) {
      Network net = networks.get(m);
      double[][] member = out[m];
      java.util.stream.IntStream.range(0, n)
          .parallel()
          .forEach(
              i -> {
                double[] row = new double[d];
                for (int j = 0; j < d; j++) {
                  row[j] = xScaling.apply(j, x[i * d + j]);
                }
                member[i] = net.forward(row);
              });
    }
    return out;
  }

  /**
   * Row-wise mean and spread of log r̂ and t̂ over the members: row i at θ = theta row i.
   *
   * @param theta n × p raw θ rows
   * @param x n × d raw features
   */
  public Prediction predict(double[] theta, double[] x) {
    int p = parameters.size();
    int n = x.length / observables.size();
    Check.length("theta", theta, n * p);
    Check.finite("theta", theta);
    double[][][] o = outputs(x);
    Morpher morpher = spec.morpher();
    double[][] lr = new double[networks.size()][n];
    double[][] t = new double[networks.size()][n * p];
    for (int i = 0; i < n; i++) {
      double[][] c =
          spec.coefficients(morpher, java.util.Arrays.copyOfRange(theta, i * p, i * p + p));
      for (int m = 0; m < networks.size(); m++) {
        double[] v = spec.combine(o[m][i], c);
        lr[m][i] = v[0];
        System.arraycopy(v, 1, t[m], i * p, p);
      }
    }
    double[][] l = MemberStats.meanStd(lr);
    double[][] s = MemberStats.meanStd(t);
    if (averagesComponents()) {
      for (int i = 0; i < n; i++) {
        double[] v =
            spec.combineComponents(
                spec.meanComponentRatios(member(o, i)),
                spec.coefficients(morpher, java.util.Arrays.copyOfRange(theta, i * p, i * p + p)));
        l[0][i] = v[0];
        System.arraycopy(v, 1, s[0], i * p, p);
      }
    }
    return new Prediction(l[0], l[1], s[0], s[1]);
  }

  @Override
  public double[][] logRatio(EventSample events, double[][] thetas) {
    return grid(events, thetas, false)[0];
  }

  @Override
  public double[][][] score(EventSample events, double[][] thetas) {
    double[][][] g = grid(events, thetas, true);
    int p = parameters.size();
    int n = events.size();
    double[][][] out = new double[thetas.length][n][p];
    for (int j = 0; j < thetas.length; j++) {
      for (int i = 0; i < n; i++) {
        for (int k = 0; k < p; k++) {
          out[j][i][k] = g[1 + k][j][i];
        }
      }
    }
    return out;
  }

  /**
   * Ensemble values at every (θ, event): [0] log r̂, then [1 + k] t̂_k (when {@code scores});
   * member means, or the combination of the mean components ({@link #averagesComponents}).
   */
  private double[][][] grid(EventSample events, double[][] thetas, boolean scores) {
    int p = parameters.size();
    Check.rectangular("thetas", thetas, p);
    for (double[] theta : thetas) {
      Check.finite("theta", theta);
    }
    double[][][] o = outputs(Features.select(events, observables));
    int n = events.size();
    int k = scores ? 1 + p : 1;
    double[][][] out = new double[k][thetas.length][n];
    Morpher morpher = spec.morpher();
    boolean mean = averagesComponents();
    double[][][] members = mean ? new double[1][n][] : o;
    if (mean) {
      for (int i = 0; i < n; i++) {
        members[0][i] = spec.meanComponentRatios(member(o, i));
      }
    }
    java.util.stream.IntStream.range(0, thetas.length)
        .parallel()
        .forEach(
            j -> {
              double[][] c = spec.coefficients(morpher, thetas[j]);
              for (int i = 0; i < n; i++) {
                for (double[][] member : members) {
                  double[] v =
                      mean ? spec.combineComponents(member[i], c) : spec.combine(member[i], c);
                  for (int q = 0; q < k; q++) {
                    out[q][j][i] += v[q] / members.length;
                  }
                }
              }
            });
    return out;
  }

  /**
   * True when the ensemble combines the member mean of each component (LINEAR, several members),
   * which keeps r̂·σ(θ) exactly polynomial; otherwise log r̂ and t̂ are member means.
   */
  private boolean averagesComponents() {
    return spec.kind() == MorphingAware.Kind.LINEAR && networks.size() > 1;
  }

  private static double[][] member(double[][][] o, int row) {
    double[][] out = new double[o.length][];
    for (int m = 0; m < o.length; m++) {
      out[m] = o[m][row];
    }
    return out;
  }
}
