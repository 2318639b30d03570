package org.sbi4j.inference.limits;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.sbi4j.inference.likelihood.MorphedEvents;
import org.sbi4j.inference.likelihood.Summary;
import org.sbi4j.morphing.Parameter;

/**
 * Where a trained model is asked outside what it was trained for (docs/math.md §4): a SALLY model
 * estimates the score at θ_ref only, a ratio model was trained on a θ0 box. The checks return
 * warnings (one line each, for stderr and the JSON {@code warnings}); nothing is refused.
 *
 * <p>"Far from θ_ref" is a concrete rule: some component differs from θ_ref by more than {@value
 * #FAR} of that parameter's range in the event file's setup, |θ_i − θ_ref,i| > {@value #FAR} ×
 * (max_i − min_i).
 */
public final class ModelValidity {
  /** The fraction of a parameter's range beyond which θ counts as far from θ_ref. */
  public static final double FAR = 0.1;

  private ModelValidity() {}

  /**
   * One warning per component of {@code theta} far from {@code thetaRef} (a null θ_ref gives one
   * warning that it is unknown).
   *
   * @param what what θ is, e.g. "theta" or "theta-true", for the message
   * @param parameters the setup's parameters (names and ranges), in order
   */
  public static List<String> nearReference(
      double[] thetaRef, double[] theta, List<Parameter> parameters, String what) {
    List<String> out = new ArrayList<>();
    if (thetaRef == null) {
      out.add(
          "the SALLY model records no θ_ref (its folder predates sbi4j recording it), so whether "
              + what
              + " lies near it is not checked; retrain it to record θ_ref");
      return out;
    }
    for (int i = 0; i < Math.min(Math.min(thetaRef.length, theta.length), parameters.size()); i++) {
      Parameter p = parameters.get(i);
      double distance = Math.abs(theta[i] - thetaRef[i]);
      double far = FAR * (p.max() - p.min());
      if (distance > far) {
        out.add(
            String.format(
                Locale.ROOT,
                "%s of '%s' = %s lies %.4g from the SALLY model's θ_ref = %s, more than %s of the"
                    + " parameter's range (%.4g); the score is estimated at θ_ref only, so the"
                    + " result there is an approximation (train a SALLY model at a θ_ref near it)",
                what,
                p.name(),
                theta[i],
                distance,
                thetaRef[i],
                FAR,
                far));
      }
    }
    return out;
  }

  /**
   * For a SALLY source (histograms of t̂, or SALLINO): whether {@code theta} lies far from the
   * model's θ_ref (not checked when the model records none); SALLINO without a recorded θ_ref warns
   * that it projects around the event file's default reference. Empty for other sources.
   */
  static List<String> sally(LimitSource source, MorphedEvents rate, double[] theta, String what) {
    List<Parameter> parameters = rate.setup().parameters();
    if (source instanceof LimitSource.Sallino s) {
      if (s.thetaRef() == null) {
        return List.of(
            "the SALLY model records no θ_ref (its folder predates sbi4j recording it); SALLINO"
                + " projects its score around "
                + Arrays.toString(Limits.defaultReference(rate))
                + " instead; retrain it to record θ_ref");
      }
      return nearReference(s.thetaRef(), theta, parameters, what);
    }
    if (source instanceof LimitSource.Histogram h
        && h.summary() instanceof Summary.Score score
        && score.estimator().thetaRef() != null) {
      return nearReference(score.estimator().thetaRef(), theta, parameters, what);
    }
    return List.of();
  }

  /**
   * One warning per component of {@code theta} outside the model's trained θ0 box {@code range}
   * (null: unknown, no warning).
   */
  public static List<String> insideRange(
      double[][] range, double[] theta, List<String> names, String what) {
    List<String> out = new ArrayList<>();
    if (range == null) {
      return out;
    }
    for (int a = 0; a < Math.min(Math.min(range.length, theta.length), names.size()); a++) {
      if (theta[a] < range[a][0] || theta[a] > range[a][1]) {
        out.add(
            String.format(
                Locale.ROOT,
                "%s of '%s' = %s lies outside the range %s the model was trained on; the result"
                    + " there is an extrapolation",
                what,
                names.get(a),
                theta[a],
                Arrays.toString(range[a])));
      }
    }
    return out;
  }
}
