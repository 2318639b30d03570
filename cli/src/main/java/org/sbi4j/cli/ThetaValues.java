package org.sbi4j.cli;

import java.util.List;

/**
 * Parameter points given as a repeatable option of comma-separated values ({@code --theta 0.5,-1}).
 */
final class ThetaValues {
  private ThetaValues() {}

  /** The comma-separated points of a repeatable option, or null when it is not given. */
  static double[][] parse(String option, List<String> values) {
    if (values == null || values.isEmpty()) {
      return null;
    }
    double[][] out = new double[values.size()][];
    for (int k = 0; k < out.length; k++) {
      String[] f = values.get(k).split(",");
      out[k] = new double[f.length];
      for (int i = 0; i < f.length; i++) {
        try {
          out[k][i] = Double.parseDouble(f[i].trim());
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException(
              option
                  + " '"
                  + values.get(k)
                  + "': '"
                  + f[i].trim()
                  + "' is not a number; give comma-separated values, e.g. 0.5,-1");
        }
      }
    }
    return out;
  }
}
