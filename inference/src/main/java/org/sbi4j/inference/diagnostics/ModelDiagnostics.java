package org.sbi4j.inference.diagnostics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The diagnostics of one model, one entry per θ0 of the grid in every list and array.
 *
 * @param label the model's name
 * @param calibrated whether the histogram-calibrated ratio was diagnosed
 * @param members ensemble members (1 for a single network or an in-memory estimator)
 * @param closure the closure at each θ0
 * @param auc the weighted AUC of r̂ separating x ~ θ0 from x ~ θ1
 * @param aucError the bootstrap standard error of each AUC
 * @param aucExact the AUC of the exact ratio, or null without a simulator
 * @param roc the ROC curve at each θ0
 * @param rocExact the exact ratio's ROC curve at each θ0, or null
 * @param reliability the reliability curve of ŝ at each θ0
 * @param logRatioSpread the members' standard deviation of log r̂(x|θ0,θ1), averaged over x ~ θ1,
 *     or null for a single member
 */
public record ModelDiagnostics(
    String label,
    boolean calibrated,
    int members,
    List<ClosurePoint> closure,
    double[] auc,
    double[] aucError,
    double[] aucExact,
    List<Roc> roc,
    List<Roc> rocExact,
    List<List<Reliability.Bin>> reliability,
    double[] logRatioSpread) {
  public ModelDiagnostics {
    closure = List.copyOf(closure);
    roc = List.copyOf(roc);
    rocExact = rocExact == null ? null : List.copyOf(rocExact);
    reliability = reliability.stream().map(List::copyOf).toList();
  }

  /** The θ0 points whose closure fails. */
  public List<double[]> flagged() {
    List<double[]> out = new ArrayList<>();
    for (ClosurePoint c : closure) {
      if (c.flagged()) {
        out.add(c.theta0());
      }
    }
    return out;
  }

  /** The largest closure error over the grid ({@link ClosurePoint#error}). */
  public double maxClosureError() {
    return closure.stream().mapToDouble(ClosurePoint::error).max().orElse(0);
  }

  /** The JSON of docs/cli.md ({@code diagnose}). */
  public Map<String, Object> summary() {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("model", label);
    out.put("calibrated", calibrated);
    out.put("members", members);
    List<Map<String, Object>> cl = new ArrayList<>();
    for (ClosurePoint c : closure) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("theta0", c.theta0());
      m.put("meanR", c.meanR().mean());
      m.put("meanRError", c.meanR().error());
      m.put("meanInvR", c.meanInvR().mean());
      m.put("meanInvRError", c.meanInvR().error());
      m.put("effectiveSizeTheta1", c.meanR().effectiveSize());
      m.put("effectiveSizeTheta0", c.meanInvR().effectiveSize());
      m.put("pull", c.pull());
      m.put("flagged", c.flagged());
      cl.add(m);
    }
    out.put("closure", cl);
    out.put("flagged", flagged());
    out.put("maxClosureError", maxClosureError());
    out.put("auc", auc.clone());
    out.put("aucError", aucError.clone());
    if (aucExact != null) {
      out.put("aucExact", aucExact.clone());
    }
    out.put("roc", rocs(roc));
    if (rocExact != null) {
      out.put("rocExact", rocs(rocExact));
    }
    List<Object> rel = new ArrayList<>();
    for (List<Reliability.Bin> bins : reliability) {
      List<Map<String, Object>> bs = new ArrayList<>();
      for (Reliability.Bin b : bins) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("lower", b.lower());
        m.put("upper", b.upper());
        m.put("meanS", b.meanS());
        m.put("fractionTheta1", b.fractionTheta1());
        m.put("fractionError", b.fractionError());
        m.put("weight", b.weight());
        bs.add(m);
      }
      rel.add(bs);
    }
    out.put("reliability", rel);
    if (logRatioSpread != null) {
      out.put("logRatioSpread", logRatioSpread.clone());
    }
    return out;
  }

  private static List<Map<String, Object>> rocs(List<Roc> rocs) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Roc r : rocs) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("fpr", r.fpr());
      m.put("tpr", r.tpr());
      out.add(m);
    }
    return out;
  }
}
