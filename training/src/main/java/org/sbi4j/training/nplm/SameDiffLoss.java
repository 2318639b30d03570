package org.sbi4j.training.nplm;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.api.OutAndGrad;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.sbi4j.training.model.Activation;

/**
 * The NPLM loss and gradient on ND4J/SameDiff in float64: the general path (any dense network, the
 * CUDA backend where the GPU supports it). Same contract and parameter layout as {@link FusedLoss},
 * which it matches to rounding.
 *
 * <p>SameDiff keeps W_l as an n_in × n_out matrix (the transpose of the flat layout) so a layer is
 * {@code a.mmul(W) + b} on row-major batches.
 */
public final class SameDiffLoss implements Objective {
  private final NetworkShape shape;
  private final SameDiff sd;
  private final Map<String, INDArray> placeholders = new HashMap<>();
  private final List<String> variables = new ArrayList<>();

  /** Builds the graph for {@code shape} and binds the problem's arrays as placeholders. */
  public SameDiffLoss(NetworkShape shape, NplmProblem problem) {
    String mismatch = shape.inputMismatch(problem);
    if (mismatch != null) {
      throw new IllegalArgumentException(mismatch);
    }
    this.shape = shape;
    this.sd = SameDiff.create();
    int d = problem.dimension();
    int[] n = shape.layers();
    List<SDVariable[]> layers = new ArrayList<>();
    for (int l = 0; l < shape.depth(); l++) {
      String w = "w" + l;
      String b = "b" + l;
      layers.add(
          new SDVariable[] {
            sd.var(w, Nd4j.zeros(DataType.DOUBLE, n[l], n[l + 1])),
            sd.var(b, Nd4j.zeros(DataType.DOUBLE, 1, n[l + 1]))
          });
      variables.add(w);
      variables.add(b);
    }
    SDVariable xr = sd.placeHolder("xr", DataType.DOUBLE, -1, d);
    SDVariable wr = sd.placeHolder("wr", DataType.DOUBLE, -1, 1);
    placeholders.put("xr", matrix(problem.reference(), problem.referenceSize(), d));
    placeholders.put("wr", matrix(problem.referenceWeights(), problem.referenceSize(), 1));
    SDVariable loss = sd.math().exp(network(xr, layers)).sub(1.0).mul(wr).sum();
    if (problem.dataSize() > 0) {
      SDVariable xd = sd.placeHolder("xd", DataType.DOUBLE, -1, d);
      SDVariable wd = sd.placeHolder("wd", DataType.DOUBLE, -1, 1);
      placeholders.put("xd", matrix(problem.data(), problem.dataSize(), d));
      placeholders.put("wd", matrix(problem.dataWeights(), problem.dataSize(), 1));
      loss = loss.sub(network(xd, layers).mul(wd).sum());
    }
    loss.rename("loss");
  }

  private SDVariable network(SDVariable x, List<SDVariable[]> layers) {
    SDVariable a = x;
    for (int l = 0; l < layers.size(); l++) {
      SDVariable z = a.mmul(layers.get(l)[0]).add(layers.get(l)[1]);
      if (l == layers.size() - 1) {
        a = z;
      } else {
        a = shape.activation() == Activation.SIGMOID ? sd.nn().sigmoid(z) : sd.math().tanh(z);
      }
    }
    return a;
  }

  private static INDArray matrix(double[] values, int rows, int cols) {
    return Nd4j.create(values, new long[] {rows, cols}, DataType.DOUBLE);
  }

  @Override
  public double valueAndGradient(double[] params, double[] gradient) {
    int[] n = shape.layers();
    for (int l = 0; l < shape.depth(); l++) {
      INDArray w = sd.getVariable("w" + l).getArr();
      INDArray b = sd.getVariable("b" + l).getArr();
      int wOff = shape.weightOffset(l);
      for (int o = 0; o < n[l + 1]; o++) {
        for (int i = 0; i < n[l]; i++) {
          w.putScalar(i, o, params[wOff + o * n[l] + i]);
        }
        b.putScalar(0, o, params[shape.biasOffset(l) + o]);
      }
    }
    OutAndGrad result = sd.calculateGradientsAndOutputs(placeholders, List.of("loss"), variables);
    Map<String, INDArray> grads = result.getGradients();
    for (int l = 0; l < shape.depth(); l++) {
      INDArray gw = grads.get("w" + l);
      INDArray gb = grads.get("b" + l);
      int wOff = shape.weightOffset(l);
      for (int o = 0; o < n[l + 1]; o++) {
        for (int i = 0; i < n[l]; i++) {
          gradient[wOff + o * n[l] + i] = gw.getDouble(i, o);
        }
        gradient[shape.biasOffset(l) + o] = gb.getDouble(0, o);
      }
    }
    return result.getOutputs().get("loss").getDouble(0);
  }
}
