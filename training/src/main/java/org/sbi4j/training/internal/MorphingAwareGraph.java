package org.sbi4j.training.internal;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.nd4j.autodiff.samediff.SDIndex;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.sbi4j.training.losses.JointLabel;
import org.sbi4j.training.losses.LossTerm;
import org.sbi4j.training.losses.RatioLoss;
import org.sbi4j.training.model.MorphingAware;
import org.sbi4j.training.model.Network;

/**
 * The SameDiff training graph of a morphing-aware ratio model (docs/math.md §3.9): the network maps
 * standardised x to its outputs o(x); the per-row morphing coefficients at θ0 are fed (they need no
 * gradient), and log r̂ and t̂ = ∇θ0 log r̂ follow in closed form exactly as {@link
 * MorphingAware#combine} computes them, so the loss of {@link RatioLoss} acts on them. t̂ is in the
 * units of θ (θ is not standardised: it is no network input).
 */
public final class MorphingAwareGraph {
  /** Placeholder of the coefficients w_b(θ0) σ_b (LINEAR, B × benchmarks) or θ0 (QUADRATIC). */
  public static final String COEFFICIENTS = "morph_w";

  /** Prefix of the placeholders ∂w_b/∂θ_k σ_b (LINEAR), one per parameter k. */
  public static final String COEFFICIENT_GRADIENT = "morph_dw_";

  /** Placeholder of D(θ0) = σ(θ0)/σ(0) (QUADRATIC, B × 1). */
  public static final String DENOMINATOR = "morph_d";

  /** Placeholder of D'(θ0) (QUADRATIC, B × 1). */
  public static final String DENOMINATOR_GRADIENT = "morph_dd";

  private MorphingAwareGraph() {}

  /**
   * The graph with its loss (none when {@code loss} is null).
   *
   * @param net network with d inputs and {@link MorphingAware#outputs()} outputs
   */
  public static SameDiff build(
      Network net, MorphingAware spec, DataType type, RatioLoss loss, double alpha) {
    SameDiff sd = SameDiff.create();
    int p = spec.parameterCount();
    double clip = spec.logRatioClip();
    SDVariable input = sd.placeHolder(Graphs.INPUT, type, -1, net.inputs());
    SDVariable o = Graphs.network(sd, net, input, type, "components");
    SDVariable n;
    SDVariable d;
    List<SDVariable> dn = new ArrayList<>();
    List<SDVariable> dd = new ArrayList<>();
    if (spec.kind() == MorphingAware.Kind.QUADRATIC) {
      SDVariable theta = sd.placeHolder(COEFFICIENTS, type, -1, 1);
      SDVariable a = o.get(SDIndex.all(), SDIndex.interval(0, 1));
      SDVariable b = o.get(SDIndex.all(), SDIndex.interval(1, 2));
      SDVariable u = theta.mul(a).add(1.0);
      SDVariable v = theta.mul(b);
      n = u.mul(u).add(v.mul(v));
      dn.add(a.mul(u).add(theta.mul(b).mul(b)).mul(2.0));
      d = sd.placeHolder(DENOMINATOR, type, -1, 1);
      dd.add(sd.placeHolder(DENOMINATOR_GRADIENT, type, -1, 1));
    } else {
      int nb = spec.basis().length;
      SDVariable w = sd.placeHolder(COEFFICIENTS, type, -1, nb);
      SDVariable e;
      if (spec.form() == MorphingAware.ComponentForm.SQUARES) {
        SDVariable u = o.get(SDIndex.all(), SDIndex.interval(0, nb)).add(1.0);
        SDVariable v = o.get(SDIndex.all(), SDIndex.interval(nb, 2 * nb));
        e = sd.math.clipByValue(u.mul(u).add(v.mul(v)), Math.exp(-clip), Math.exp(clip));
      } else if (spec.form() == MorphingAware.ComponentForm.SQUARE_PLUS_EXP) {
        SDVariable u = o.get(SDIndex.all(), SDIndex.interval(0, nb)).add(1.0);
        SDVariable v =
            sd.math.exp(
                sd.math.clipByValue(
                    o.get(SDIndex.all(), SDIndex.interval(nb, 2 * nb)), -1e3, clip));
        e = sd.math.clipByValue(u.mul(u).add(v).mul(0.5), Math.exp(-clip), Math.exp(clip));
      } else {
        e = sd.math.exp(sd.math.clipByValue(o, -clip, clip));
      }
      int fixed = spec.fixedComponent();
      if (fixed >= 0) {
        // r̂_b ≡ 1 for the component at θ1: e·keep + (1 − keep)
        double[] keep = new double[nb];
        java.util.Arrays.fill(keep, 1);
        keep[fixed] = 0;
        SDVariable k = sd.constant(Nd4j.create(keep, new long[] {1, nb}).castTo(type));
        e = e.mul(k).add(k.rsub(1.0));
      }
      n = w.mul(e).sum(true, 1);
      d = w.sum(true, 1);
      for (int k = 0; k < p; k++) {
        SDVariable g = sd.placeHolder(COEFFICIENT_GRADIENT + k, type, -1, nb);
        dn.add(g.mul(e).sum(true, 1));
        dd.add(g.sum(true, 1));
      }
    }
    // floor N at D e^{−c}: log r̂ ≥ −c, and the floored rows get t̂ = 0 and no gradient
    SDVariable floor = d.mul(Math.exp(-clip));
    SDVariable kept = sd.math.max(n, floor);
    SDVariable mask = n.gte(floor).castTo(type);
    SDVariable logRHat = sd.math.log(kept).sub(Graphs.LOG_R_HAT, sd.math.log(d));
    List<SDVariable> t = new ArrayList<>();
    for (int k = 0; k < p; k++) {
      t.add(dn.get(k).div(kept).sub(dd.get(k).div(d)).mul(mask));
    }
    SDVariable tHat =
        p == 1
            ? t.get(0).mul(Graphs.T_HAT, 1.0)
            : sd.concat(Graphs.T_HAT, 1, t.toArray(new SDVariable[0]));
    if (loss != null) {
      SDVariable y = sd.placeHolder(Graphs.Y, type, -1, 1);
      SDVariable lr = sd.math.clipByValue(logRHat, -clip, clip);
      Map<JointLabel, SDVariable> joint = new EnumMap<>(JointLabel.class);
      for (JointLabel l : loss.jointLabels()) {
        joint.put(l, sd.placeHolder(l.placeholder(), type, -1, 1));
      }
      SDVariable target = loss.usesScore() ? sd.placeHolder(Graphs.T, type, -1, p) : null;
      SDVariable row =
          loss.rowLoss(new LossTerm.GraphInputs(sd, lr, tHat, target, y, joint, p), alpha);
      row.rename(Graphs.ROW_LOSS);
      sd.setLossVariables(row.mean(Graphs.LOSS));
    }
    return sd;
  }
}
