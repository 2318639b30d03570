package org.sbi4j.common;

import java.util.Locale;

/** Builds the text of small MadGraph-style LHE files for tests of the LHE importer. */
public final class LheText {
  private LheText() {}

  /** A morphing setup YAML: one parameter theta in [−1, 1], benchmarks sm (0), plus, minus. */
  public static final String SETUP =
      """
      parameters:
        - {name: theta, range: [-1.0, 1.0], maxPower: 2}
      benchmarks:
        - {name: sm, theta: [0.0]}
        - {name: plus, theta: [1.0]}
        - {name: minus, theta: [-1.0]}
      """;

  /** An LHE header declaring the weight ids {@code ids} in {@code <initrwgt>}. */
  public static String header(String... ids) {
    StringBuilder s =
        new StringBuilder("<LesHouchesEvents version=\"3.0\">\n<header>\n<initrwgt>\n");
    s.append("<weightgroup name=\"mg_reweighting\">\n");
    for (String id : ids) {
      s.append("<weight id=\"").append(id).append("\"> set param_card x </weight>\n");
    }
    s.append("</weightgroup>\n</initrwgt>\n</header>\n<init>\n")
        .append("2212 2212 6.5e3 6.5e3 0 0 247000 247000 -4 1\n1.0e-01 1.0e-03 1.0e-01 1\n")
        .append("</init>\n");
    return s.toString();
  }

  /** The end of an LHE file. */
  public static final String END = "</LesHouchesEvents>\n";

  /** A final-state particle line (status 1): PDG id and four-momentum (px, py, pz, E). */
  public static String fs(int pdg, double px, double py, double pz, double e) {
    return String.format(
        Locale.ROOT, "%d 1 1 2 0 0 %.17g %.17g %.17g %.17g 0.0 0.0 9.0%n", pdg, px, py, pz, e);
  }

  /**
   * An event: the header line with XWGTUP, two incoming gluons, the final-state lines {@code
   * particles}, then {@code <rwgt>} with the weights given as (id, value) pairs.
   */
  public static String event(double xwgtup, String particles, Object... weights) {
    int n = 2 + (int) particles.lines().count();
    StringBuilder s = new StringBuilder("<event>\n");
    s.append(String.format(Locale.ROOT, " %d 1 %.17g 9.1e1 7.5e-03 1.3e-01%n", n, xwgtup));
    s.append("21 -1 0 0 501 502 0.0 0.0 300.0 300.0 0.0 0.0 9.0\n");
    s.append("21 -1 0 0 502 503 0.0 0.0 -200.0 200.0 0.0 0.0 9.0\n");
    s.append(particles).append("<rwgt>\n");
    for (int k = 0; k < weights.length; k += 2) {
      s.append("<wgt id='").append(weights[k]).append("'> ").append(weights[k + 1]);
      s.append(" </wgt>\n");
    }
    return s.append("</rwgt>\n</event>\n").toString();
  }
}
