package org.sbi4j.training.steps;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.sbi4j.common.AtomicFiles;
import org.sbi4j.common.Check;
import org.sbi4j.common.InvalidValueException;
import org.sbi4j.common.Provenance;
import org.sbi4j.samples.Column;
import org.sbi4j.samples.EventSample;
import org.sbi4j.samples.estimators.Prediction;
import org.sbi4j.samples.io.internal.H5Provenance;
import org.sbi4j.training.model.ModelData;
import org.sbi4j.training.model.MorphingAwareModel;
import org.sbi4j.training.model.RatioModel;
import org.sbi4j.training.model.ScoreModel;
import org.sbi4j.training.store.ModelFolder;

/**
 * {@code sbi4j evaluate}: applies a model folder to the events of a file and writes {@code
 * log_r_hat} (n, ratio models), {@code t_hat} (n × p) and, for ensembles, {@code log_r_hat_std} and
 * {@code t_hat_std}.
 */
public final class EvaluateStep {
  private EvaluateStep() {}

  /**
   * @param model model folder
   * @param events event file, training sample or plain sample
   * @param theta θ0 for every event (ratio models; θ0 ⊕ θ1, 2p values, for a doubly parameterised
   *     model); null to use each row's own {@code theta0} (and {@code theta1})
   * @param out HDF5 file to write
   */
  public record Request(Path model, Path events, double[] theta, Path out) {}

  /**
   * @param method the model's method
   * @param events events evaluated
   * @param meanLogRatio mean of log r̂ over the events (NaN for SALLY)
   * @param meanScore mean t̂ over the events (p)
   * @param out the file written
   * @param warnings θ outside the range the model was trained on (empty when none)
   */
  public record Result(
      String method,
      int events,
      double meanLogRatio,
      double[] meanScore,
      String out,
      List<String> warnings) {}

  /** Evaluates and writes the output file. */
  public static Result run(Request r) {
    ModelData model = ModelFolder.load(r.model()).model();
    EventSample events = SampleFiles.read(r.events());
    int n = events.size();
    int p = model.parameters().size();
    double[] x = select(events, model.observables());
    Prediction pr;
    List<String> warnings = new ArrayList<>();
    if (model.isRatio()) {
      double[] thetas = thetaRows(r.theta(), events, model);
      int q = model.thetaInputs();
      double[] theta0 = new double[n * p];
      for (int i = 0; i < n; i++) {
        System.arraycopy(thetas, i * q, theta0, i * p, p);
      }
      warnings.addAll(rangeWarnings(model, theta0, n, r.theta() != null));
      pr =
          model.isMorphingAware()
              ? MorphingAwareModel.of(model).predict(thetas, x)
              : new RatioModel(model).predict(thetas, x);
    } else {
      if (r.theta() != null) {
        throw new InvalidValueException(
            "theta",
            "a sally model estimates t(x|θ_ref) at its fixed " + "reference point; give no θ");
      }
      pr = new ScoreModel(model).predict(x);
    }
    boolean ensemble = model.members().size() > 1;
    AtomicFiles.write(
        r.out(),
        tmp -> {
          try (WritableHdfFile h5 = HdfFile.write(tmp)) {
            if (pr.logRatio() != null) {
              h5.putDataset("log_r_hat", pr.logRatio());
              if (ensemble) {
                h5.putDataset("log_r_hat_std", pr.logRatioStd());
              }
            }
            h5.putDataset("t_hat", rows(pr.score(), n, p));
            if (ensemble) {
              h5.putDataset("t_hat_std", rows(pr.scoreStd(), n, p));
            }
            H5Provenance.write(h5, Provenance.current());
          }
        });
    double[] meanT = new double[p];
    for (int i = 0; i < n * p; i++) {
      meanT[i % p] += pr.score()[i] / n;
    }
    double meanLr =
        pr.logRatio() == null
            ? Double.NaN
            : Arrays.stream(pr.logRatio()).average().orElse(Double.NaN);
    return new Result(model.method().cliName(), n, meanLr, meanT, r.out().toString(), warnings);
  }

  /**
   * One warning per parameter whose θ (given, or the rows' theta0) leaves the θ range the model was
   * trained on: the network's output there is an extrapolation.
   */
  static List<String> rangeWarnings(ModelData model, double[] thetas, int n, boolean given) {
    double[][] range = model.thetaRange();
    List<String> out = new ArrayList<>();
    if (range == null) {
      return out;
    }
    int p = range.length;
    for (int a = 0; a < p; a++) {
      int outside = 0;
      double first = Double.NaN;
      for (int i = 0; i < n; i++) {
        double t = thetas[i * p + a];
        if (t < range[a][0] || t > range[a][1]) {
          if (outside++ == 0) {
            first = t;
          }
        }
      }
      if (outside > 0) {
        out.add(
            String.format(
                Locale.ROOT,
                given
                    ? "theta of '%s' = %s lies outside the range %s the model was trained on;"
                        + " its output there is an extrapolation"
                    : "%4$d of %5$d rows have theta0 of '%1$s' outside the range %3$s the model"
                        + " was trained on (e.g. %2$s); its output there is an extrapolation",
                model.parameters().get(a),
                first,
                Arrays.toString(range[a]),
                outside,
                n));
      }
    }
    return out;
  }

  /** The θ inputs of every row: θ0, or θ0 ⊕ θ1 for a doubly parameterised model. */
  private static double[] thetaRows(double[] theta, EventSample events, ModelData model) {
    int p = model.thetaInputs();
    int n = events.size();
    if (theta == null && model.doublyParameterized()) {
      if (!events.has(Column.THETA0) || !events.has(Column.THETA1)) {
        throw new InvalidValueException(
            "theta",
            "a doubly parameterised model needs θ0 and θ1: give θ0 ⊕ θ1 ("
                + p
                + " values) or a file with theta0 and theta1");
      }
      double[] t0 = events.column(Column.THETA0);
      double[] t1 = events.column(Column.THETA1);
      int h = p / 2;
      double[] rows = new double[n * p];
      for (int i = 0; i < n; i++) {
        System.arraycopy(t0, i * h, rows, i * p, h);
        System.arraycopy(t1, i * h, rows, i * p + h, h);
      }
      return rows;
    }
    if (theta == null) {
      if (!events.has(Column.THETA0)) {
        throw new InvalidValueException(
            "theta",
            "a "
                + model.method().cliName()
                + " model needs θ: give θ ("
                + p
                + " values: "
                + model.parameters()
                + ") or a file with theta0");
      }
      return events.column(Column.THETA0);
    }
    Check.length("theta", theta, p);
    Check.finite("theta", theta);
    double[] rows = new double[n * p];
    for (int i = 0; i < n; i++) {
      System.arraycopy(theta, 0, rows, i * p, p);
    }
    return rows;
  }

  private static double[] select(EventSample events, List<String> observables) {
    int d = observables.size();
    double[] x = new double[events.size() * d];
    for (int j = 0; j < d; j++) {
      int k = events.observables().indexOf(observables.get(j));
      if (k < 0) {
        throw new IllegalArgumentException(
            "the events lack observable '"
                + observables.get(j)
                + "'; they have "
                + events.observables()
                + ", the model reads "
                + observables);
      }
      for (int i = 0; i < events.size(); i++) {
        x[i * d + j] = events.x(i, k);
      }
    }
    return x;
  }

  private static double[][] rows(double[] flat, int n, int p) {
    double[][] out = new double[n][p];
    for (int i = 0; i < n; i++) {
      System.arraycopy(flat, i * p, out[i], 0, p);
    }
    return out;
  }
}
