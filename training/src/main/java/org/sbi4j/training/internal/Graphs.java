package org.sbi4j.training.internal;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.sbi4j.training.losses.JointLabel;
import org.sbi4j.training.losses.LossTerm;
import org.sbi4j.training.losses.RatioLoss;
import org.sbi4j.training.model.Activation;
import org.sbi4j.training.model.Network;

/**
 * Builds the SameDiff graphs of docs/math.md §3 from a {@link Network}.
 *
 * <p>Ratio graph: input rows concat(θ0, x) (standardised, θ0 first, B × (p + d)); outputs {@link
 * #LOG_R_HAT} (B × 1) and {@link #T_HAT} = ∂ log r̂/∂θ0 (B × p, standardised θ units), computed by
 * forward-mode tangents: for every hidden layer h = σ(aW + b) also ḣ_k = σ'(aW + b) ⊙ (ȧ_k W), with
 * ȧ_k = e_k (the unit vector of θ0 column k) at the input, so ż_k of the first layer is row k of W.
 * The output tangent ḣ_L,k W_out is t̂_k. Losses that use t̂ are then differentiated by SameDiff's
 * ordinary reverse mode (a second derivative of the network).
 *
 * <p>Score graph (SALLY): input x (B × d), output {@link #T_HAT} (B × p).
 */
public final class Graphs {
  /** Placeholder of the standardised input rows. */
  public static final String INPUT = "input";

  /** Placeholder of the labels y (B × 1). */
  public static final String Y = "y";

  /** Placeholder of the ALICE soft label s = 1/(1 + r(x,z)) (B × 1). */
  public static final String S = JointLabel.S.placeholder();

  /** Placeholder of the joint ratio r(x,z|θ0,θ1), clipped (B × 1). */
  public static final String R = JointLabel.R.placeholder();

  /** Placeholder of 1/r(x,z|θ0,θ1), clipped (B × 1). */
  public static final String R_INV = JointLabel.R_INV.placeholder();

  /** Prefix of the input-tangent placeholders ȧ_k = e_k (B × (p + d)), one per θ0 column. */
  public static final String INPUT_TANGENT = "input_dot_";

  /** Placeholder of the joint score targets in standardised θ units (B × p). */
  public static final String T = "t";

  /** Output log r̂ (B × 1). */
  public static final String LOG_R_HAT = "log_r_hat";

  /** Output t̂ (B × p). */
  public static final String T_HAT = "t_hat";

  /** Per-row loss (B × 1). */
  public static final String ROW_LOSS = "row_loss";

  /** Batch-mean loss (scalar). */
  public static final String LOSS = "loss";

  private Graphs() {}

  /** Names of the weight and bias variables of layer l. */
  public static String weightName(int l) {
    return "w" + l;
  }

  public static String biasName(int l) {
    return "b" + l;
  }

  /**
   * The ratio graph with its loss (or without, when {@code loss} is null).
   *
   * @param net network with p + d inputs and 1 output
   * @param thetaCount p, the leading θ0 inputs
   * @param alpha weight of the score term (ignored by losses without one)
   * @param logRatioClip |log r| bound applied before exponentiation
   */
  public static SameDiff ratio(
      Network net,
      int thetaCount,
      DataType type,
      RatioLoss loss,
      double alpha,
      double logRatioClip) {
    SameDiff sd = SameDiff.create();
    SDVariable input = sd.placeHolder(INPUT, type, -1, net.inputs());
    Forward f =
        forward(sd, net, input, type, thetaCount, LOG_R_HAT, thetaCount == 1 ? T_HAT : null);
    SDVariable logRHat = f.output;
    SDVariable tHat =
        thetaCount == 1
            ? f.tangents.get(0)
            : sd.concat(T_HAT, 1, f.tangents.toArray(new SDVariable[0]));
    if (loss != null) {
      SDVariable y = sd.placeHolder(Y, type, -1, 1);
      SDVariable lr = sd.math.clipByValue(logRHat, -logRatioClip, logRatioClip);
      Map<JointLabel, SDVariable> joint = new EnumMap<>(JointLabel.class);
      for (JointLabel l : loss.jointLabels()) {
        joint.put(l, sd.placeHolder(l.placeholder(), type, -1, 1));
      }
      SDVariable t = loss.usesScore() ? sd.placeHolder(T, type, -1, thetaCount) : null;
      finishLoss(
          sd, loss.rowLoss(new LossTerm.GraphInputs(sd, lr, tHat, t, y, joint, thetaCount), alpha));
    }
    return sd;
  }

  /**
   * The SALLY graph x → t̂ with (when {@code withLoss}) the loss mean_B |t̂ − t|².
   *
   * @param net network with d inputs and p outputs
   */
  public static SameDiff score(Network net, DataType type, boolean withLoss) {
    SameDiff sd = SameDiff.create();
    SDVariable input = sd.placeHolder(INPUT, type, -1, net.inputs());
    Forward f = forward(sd, net, input, type, 0, T_HAT, null);
    SDVariable tHat = f.output;
    if (withLoss) {
      SDVariable t = sd.placeHolder(T, type, -1, net.outputs());
      finishLoss(sd, LossTerm.squaredError(sd, tHat, t, net.outputs()));
    }
    return sd;
  }

  private static void finishLoss(SameDiff sd, SDVariable row) {
    row.rename(ROW_LOSS);
    SDVariable loss = row.mean(LOSS);
    sd.setLossVariables(loss);
  }

  /**
   * The label columns that the loss reads besides y, t: its {@link RatioLoss#jointLabels()},
   * computed from the joint log ratio with log r clipped to ±clip, outside the graph (they need no
   * gradient): ALICE s = 1/(1 + e^log r), ROLR r = e^log r and 1/r = e^−log r.
   *
   * @param logR n joint log ratios
   * @return placeholder name → n values (empty for CARL and CASCAL)
   */
  public static java.util.Map<String, double[]> jointRatioLabels(
      RatioLoss loss, double[] logR, double clip) {
    java.util.Map<String, double[]> out = new java.util.LinkedHashMap<>();
    if (!loss.usesJointRatio()) {
      return out;
    }
    int n = logR.length;
    for (JointLabel label : loss.jointLabels()) {
      double[] v = new double[n];
      for (int i = 0; i < n; i++) {
        v[i] = label.of(Math.max(-clip, Math.min(clip, logR[i])));
      }
      out.put(label.placeholder(), v);
    }
    return out;
  }

  /**
   * The input tangents ȧ_k = e_k of a batch: {@code rows} × {@code width} arrays with ones in
   * column k, one per θ0 column, keyed by placeholder name (empty for SALLY graphs).
   */
  public static java.util.Map<String, INDArray> inputTangents(
      int rows, int width, int tangentCount, DataType type) {
    java.util.Map<String, INDArray> out = new java.util.LinkedHashMap<>();
    for (int k = 0; k < tangentCount; k++) {
      double[] e = new double[rows * width];
      for (int i = 0; i < rows; i++) {
        e[i * width + k] = 1;
      }
      out.put(INPUT_TANGENT + k, Nd4j.create(e, new long[] {rows, width}, type));
    }
    return out;
  }

  /**
   * The plain forward pass of {@code net} on {@code input} (no tangents), its weights as variables
   * named by {@link #weightName} and {@link #biasName}, its output named {@code outputName}.
   */
  public static SDVariable network(
      SameDiff sd, Network net, SDVariable input, DataType type, String outputName) {
    return forward(sd, net, input, type, 0, outputName, null).output;
  }

  private record Forward(SDVariable output, List<SDVariable> tangents) {}

  /**
   * The layers, one fused x·W + b op each; the last layer's output is named {@code outputName}, and
   * its single tangent {@code tangentName} when that is not null (naming the ops themselves instead
   * of adding identity ops keeps the per-op overhead down).
   */
  private static Forward forward(
      SameDiff sd,
      Network net,
      SDVariable input,
      DataType type,
      int tangentCount,
      String outputName,
      String tangentName) {
    SDVariable a = input;
    List<SDVariable> tangents = new ArrayList<>();
    List<Network.Dense> layers = net.layers();
    for (int l = 0; l < layers.size(); l++) {
      Network.Dense d = layers.get(l);
      SDVariable w = sd.var(weightName(l), Nd4j.create(d.w(), new long[] {d.in(), d.out()}, type));
      SDVariable b = sd.var(biasName(l), Nd4j.create(d.b(), new long[] {d.out()}, type));
      boolean last = l == layers.size() - 1;
      SDVariable z = last ? sd.nn.linear(outputName, a, w, b) : sd.nn.linear(a, w, b);
      List<SDVariable> zDot = new ArrayList<>();
      for (int k = 0; k < tangentCount; k++) {
        if (l == 0) {
          // ȧ_k W as a product with a fed unit-vector matrix: a broadcast of row k of W would
          // need a reduction over the batch in reverse mode, which is slow in ND4J.
          zDot.add(sd.placeHolder(INPUT_TANGENT + k, type, -1, d.in()).mmul(w));
        } else if (last && tangentName != null) {
          zDot.add(tangents.get(k).mmul(tangentName, w));
        } else {
          zDot.add(tangents.get(k).mmul(w));
        }
      }
      if (l == layers.size() - 1) {
        return new Forward(z, zDot);
      }
      SDVariable h = net.activation() == Activation.TANH ? sd.math.tanh(z) : sd.nn.sigmoid(z);
      tangents.clear();
      if (tangentCount > 0) {
        SDVariable slope =
            net.activation() == Activation.TANH ? sd.math.square(h).rsub(1.0) : h.mul(h.rsub(1.0));
        for (SDVariable zd : zDot) {
          tangents.add(slope.mul(zd));
        }
      }
      a = h;
    }
    throw new IllegalStateException("unreachable: the network has an output layer");
  }
}
