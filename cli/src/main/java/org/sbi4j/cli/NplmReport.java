package org.sbi4j.cli;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.sbi4j.inference.nplm.ClipScan;
import org.sbi4j.inference.nplm.NplmResult;
import org.sbi4j.training.model.Precision;
import org.sbi4j.training.nplm.NplmOptimizer;
import org.sbi4j.training.nplm.NplmTrainingConfig;
import org.sbi4j.training.simd.VectorSupport;

/**
 * The output of {@code sbi4j nplm}: the JSON summary through {@link CommonOptions#report}, or the
 * text lines (an optional first line, the clip scan, then t, the null's χ² fit, p-values and Z).
 */
final class NplmReport {
  private NplmReport() {}

  /**
   * Adds the null calibration's keys to the JSON: {@code ksPValue}, {@code dofError} (both null
   * without a χ² fit) and {@code optimizer}, the training of the observed fit, which every null toy
   * repeats ({@code adam}, {@code lbfgs}, or {@code kernel} for the kernel model), and {@code
   * precision}, the arithmetic of its steps ({@code float32} only for Adam run in single
   * precision).
   */
  static void addCalibration(
      Map<String, Object> json, NplmResult result, NplmTrainingConfig training) {
    json.put("ksPValue", result.chiSquaredFitted() ? result.ksPValue() : null);
    json.put("dofError", result.chiSquaredFitted() ? result.dofError() : null);
    json.put("optimizer", optimizer(training));
    json.put("precision", precision(training));
  }

  /**
   * {@code float32} for Adam steps in single precision, else {@code float64} (also for float32
   * asked of a JVM without the Vector API, where the fused kernel computes in double).
   */
  static String precision(NplmTrainingConfig training) {
    boolean single =
        VectorSupport.AVAILABLE
            && training.kernel() == null
            && training.optimizer() == NplmOptimizer.ADAM
            && training.precision() == Precision.FLOAT32;
    return single ? "float32" : "float64";
  }

  /** The name of the training that the observed fit and the null toys share. */
  static String optimizer(NplmTrainingConfig training) {
    return training.kernel() != null
        ? "kernel"
        : training.optimizer().name().toLowerCase(Locale.ROOT);
  }

  /**
   * Writes the result.
   *
   * @param scan the clip scan of {@code --choose-clip}, or null
   * @param toys toys per clip of the scan
   * @param first a text line printed before the rest, or null
   */
  static void write(
      CommonOptions common,
      NplmResult result,
      List<String> warnings,
      Map<String, Object> json,
      ClipScan scan,
      int toys,
      String first) {
    common.report(
        warnings,
        json,
        () -> {
          if (first != null) {
            System.out.print(first);
          }
          if (scan != null) {
            printScan(scan, toys);
          }
          if (result.chiSquaredFitted()) {
            System.out.printf(
                Locale.ROOT,
                "t = %.4g; null: %d toys, fitted χ² with k = %.3g ± %.2g (KS p = %.3g; toys"
                    + " trained with %s, as the data)%n"
                    + "p (χ²_k) = %.4g, Z = %.3f; p (toys) = %.4g, Z = %.3f%n",
                result.t(),
                result.nullT().length,
                result.dof(),
                result.dofError(),
                result.ksPValue(),
                json.get("optimizer"),
                result.pValueChi2(),
                result.z(),
                result.pValueEmpirical(),
                result.zEmpirical());
          } else {
            System.out.printf(
                Locale.ROOT,
                "t = %.4g; null: %d toys (too few for a χ² fit)%np (toys) = %.4g, Z = %.3f%n",
                result.t(),
                result.nullT().length,
                result.pValueEmpirical(),
                result.zEmpirical());
          }
        });
  }

  private static void printScan(ClipScan scan, int toys) {
    System.out.printf(
        Locale.ROOT, "clip scan (%d toys per W, against χ²_%d):%n", toys, scan.parameters());
    for (ClipScan.Entry e : scan.entries()) {
      System.out.printf(
          Locale.ROOT,
          "  W = %-8.4g fitted k = %-7.3g KS p (χ²_%d) = %-9.3g %s%n",
          e.clip(),
          e.dof(),
          scan.parameters(),
          e.ksPValue(),
          e.clip() == scan.chosen() ? "← chosen" : e.compatible() ? "compatible" : "");
    }
  }
}
