package org.sbi4j.inference.limits;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.sbi4j.common.InvalidValueException;
import org.sbi4j.morphing.NuisanceMorphing;

/**
 * How limits treat the nuisance parameters an event file declares (docs/math.md §7.5).
 *
 * @param profile true: profile every nuisance parameter that is not fixed (the default); false: fix
 *     them all at 0, the nominal simulation (the behaviour of files without nuisances)
 * @param fixed nuisance parameters held at a value instead of profiled, by name
 * @param policy what to do with undefined nuisance-morphing coefficients
 */
public record NuisanceSettings(
    boolean profile, Map<String, Double> fixed, NuisanceMorphing.Policy policy) {
  /** Profile every nuisance parameter; undefined coefficients are an error. */
  public static final NuisanceSettings DEFAULT =
      new NuisanceSettings(true, Map.of(), NuisanceMorphing.Policy.ERROR);

  public NuisanceSettings {
    fixed = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fixed));
    for (Map.Entry<String, Double> e : fixed.entrySet()) {
      if (e.getValue() == null || !Double.isFinite(e.getValue())) {
        throw new InvalidValueException(
            "fix-nuisance",
            "nuisance parameter '"
                + e.getKey()
                + "' is fixed at "
                + e.getValue()
                + "; give a finite value, e.g. "
                + e.getKey()
                + "=0.5");
      }
    }
    if (!profile && !fixed.isEmpty()) {
      throw new InvalidValueException(
          "fix-nuisance",
          "nuisance parameters are fixed one by one ("
              + fixed.keySet()
              + ") and all at 0 at once; give one or the other");
    }
    if (policy == null) {
      throw new InvalidValueException("clamp-nuisance", "no policy for undefined coefficients");
    }
  }

  /**
   * One value per nuisance parameter of the file: NaN for a profiled one, else its fixed value.
   *
   * @throws InvalidValueException (value "fix-nuisance") when a fixed name is not among {@code
   *     names}
   */
  public double[] values(List<String> names) {
    for (String n : fixed.keySet()) {
      if (!names.contains(n)) {
        throw new InvalidValueException(
            "fix-nuisance",
            String.format(
                Locale.ROOT,
                "unknown nuisance parameter '%s'; the event file declares %s",
                n,
                names.isEmpty() ? "none" : names.toString()));
      }
    }
    double[] out = new double[names.size()];
    for (int j = 0; j < out.length; j++) {
      Double v = fixed.get(names.get(j));
      out[j] = !profile ? 0 : v == null ? Double.NaN : v;
    }
    return out;
  }
}
