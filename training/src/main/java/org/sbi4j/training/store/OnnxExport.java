package org.sbi4j.training.store;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.OperatorSetIdProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.TypeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import com.google.protobuf.ByteString;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.sbi4j.common.AtomicFiles;
import org.sbi4j.training.model.Activation;
import org.sbi4j.training.model.ModelData;
import org.sbi4j.training.model.Network;
import org.sbi4j.training.model.Precision;
import org.sbi4j.training.model.Scaling;

/**
 * Writes a {@link ModelData} as an ONNX model (IR 8, opset 17) that includes the input
 * standardisation, so a downstream user feeds raw values.
 *
 * <p>Ratio models: inputs {@code theta} (N × p) and {@code x} (N × d), outputs {@code log_r_hat} (N
 * × 1) and {@code t_hat} (N × p, ∂ log r̂/∂θ in the units of θ, by the same forward-mode tangents
 * as training). SALLY: input {@code x} (N × d), output {@code t_hat} (N × p). Ensembles output the
 * mean over members. Element type: float32 or float64 as the model's precision.
 */
public final class OnnxExport {
  /** ONNX IR version written. */
  public static final long IR_VERSION = 8;

  /** Default-domain opset written. */
  public static final long OPSET = 17;

  private final ModelData model;
  private final GraphProto.Builder graph = GraphProto.newBuilder();
  private final int elemType;
  private int counter;

  private OnnxExport(ModelData model) {
    this.model = model;
    this.elemType =
        model.precision() == Precision.FLOAT64
            ? TensorProto.DataType.DOUBLE_VALUE
            : TensorProto.DataType.FLOAT_VALUE;
  }

  /** The ONNX model of {@code model}. */
  public static ModelProto toProto(ModelData model) {
    return new OnnxExport(model).build();
  }

  /** Writes {@code model} to {@code file} atomically. */
  public static void write(ModelData model, Path file) {
    byte[] bytes = toProto(model).toByteArray();
    AtomicFiles.write(file, bytes);
  }

  private ModelProto build() {
    int p = model.parameters().size();
    int d = model.observables().size();
    graph.setName("sbi4j_" + model.method().cliName());
    if (model.isMorphingAware()) {
      // the combination with the morphing weights is in model.json; the graph gives o(x)
      String xIn = standardise(input("x", d), "x", model.xScaling());
      List<String> outs = new ArrayList<>();
      for (int m = 0; m < model.members().size(); m++) {
        outs.add(scoreMember(model.members().get(m), m, xIn));
      }
      output(mean(outs), "component_outputs", model.morphingAware().outputs());
      return proto();
    }
    String theta =
        model.isRatio()
            ? standardise(input("theta", model.thetaInputs()), "theta", model.thetaScaling())
            : null;
    String x = standardise(input("x", d), "x", model.xScaling());
    List<String> logR = new ArrayList<>();
    List<String> scores = new ArrayList<>();
    if (model.isRatio() && model.differenceForm()) {
      // log r̂ = g(θ0, x) − g(θ1, x): the standardised θ0 ⊕ θ1 split by two selection matrices
      int k = model.members().size();
      String in0 = node("Concat", List.of(select(theta, p, 0), x), List.of(axis(1)));
      String in1 = node("Concat", List.of(select(theta, p, p), x), List.of(axis(1)));
      for (int m = 0; m < k; m++) {
        String[] at0 = ratioMember(model.members().get(m), m, in0, p);
        String[] at1 = ratioMember(model.members().get(m), k + m, in1, 0);
        logR.add(node("Sub", List.of(at0[0], at1[0]), List.of()));
        scores.add(at0[1]);
      }
      output(mean(logR), "log_r_hat", 1);
      output(mean(scores), "t_hat", p);
    } else if (model.isRatio()) {
      String in = node("Concat", List.of(theta, x), List.of(axis(1)));
      for (int m = 0; m < model.members().size(); m++) {
        String[] out = ratioMember(model.members().get(m), m, in, p);
        logR.add(out[0]);
        scores.add(out[1]);
      }
      output(mean(logR), "log_r_hat", 1);
      output(mean(scores), "t_hat", p);
    } else {
      for (int m = 0; m < model.members().size(); m++) {
        scores.add(scoreMember(model.members().get(m), m, x));
      }
      output(mean(scores), "t_hat", p);
    }
    return proto();
  }

  private ModelProto proto() {
    return ModelProto.newBuilder()
        .setIrVersion(IR_VERSION)
        .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(OPSET))
        .setProducerName("sbi4j")
        .setProducerVersion(org.sbi4j.common.BuildInfo.current().version())
        .setDocString(
            "sbi4j "
                + model.method().cliName()
                + " estimator; parameters "
                + model.parameters()
                + ", observables "
                + model.observables())
        .setGraph(graph)
        .build();
  }

  /**
   * Columns from … from + p of the (n, 2p) {@code theta}, as a product with a 2p × p 0/1 matrix.
   */
  private String select(String theta, int p, int from) {
    double[] s = new double[2 * p * p];
    for (int k = 0; k < p; k++) {
      s[(from + k) * p + k] = 1;
    }
    return node("MatMul", List.of(theta, init(fresh("select_theta"), s, 2 * p, p)), List.of());
  }

  /**
   * log r̂ and t̂ (standardised θ units, then divided by the θ scale) of one member; with p = 0 the
   * output alone (t̂ null).
   */
  private String[] ratioMember(Network net, int m, String in, int p) {
    String a = in;
    List<String> tangents = new ArrayList<>();
    List<Network.Dense> layers = net.layers();
    for (int l = 0; l < layers.size(); l++) {
      Network.Dense d = layers.get(l);
      String w = init("m" + m + "_w" + l, d.w(), d.in(), d.out());
      String z = node("Gemm", List.of(a, w, init("m" + m + "_b" + l, d.b(), d.out())), List.of());
      List<String> zDot = new ArrayList<>();
      for (int k = 0; k < p; k++) {
        if (l == 0) {
          double[] row = new double[d.out()];
          System.arraycopy(d.w(), k * d.out(), row, 0, d.out());
          zDot.add(init("m" + m + "_w0_row" + k, row, 1, d.out()));
        } else {
          zDot.add(node("MatMul", List.of(tangents.get(k), w), List.of()));
        }
      }
      if (l == layers.size() - 1 && p == 0) {
        return new String[] {z, null};
      }
      if (l == layers.size() - 1) {
        String t = p == 1 ? zDot.get(0) : node("Concat", zDot, List.of(axis(1)));
        double[] inv = new double[p];
        for (int k = 0; k < p; k++) {
          inv[k] = 1 / model.thetaScaling().scale()[k];
        }
        return new String[] {
          z, node("Mul", List.of(t, init(fresh("inv_theta_scale"), inv, p)), List.of())
        };
      }
      String h = activation(net, z);
      String slope = slope(net, h);
      tangents.clear();
      for (String zd : zDot) {
        tangents.add(node("Mul", List.of(slope, zd), List.of()));
      }
      a = h;
    }
    throw new IllegalStateException("unreachable: the network has an output layer");
  }

  private String scoreMember(Network net, int m, String x) {
    String a = x;
    List<Network.Dense> layers = net.layers();
    for (int l = 0; l < layers.size(); l++) {
      Network.Dense d = layers.get(l);
      a =
          node(
              "Gemm",
              List.of(
                  a,
                  init("m" + m + "_w" + l, d.w(), d.in(), d.out()),
                  init("m" + m + "_b" + l, d.b(), d.out())),
              List.of());
      if (l < layers.size() - 1) {
        a = activation(net, a);
      }
    }
    return a;
  }

  private String activation(Network net, String z) {
    return node(net.activation() == Activation.TANH ? "Tanh" : "Sigmoid", List.of(z), List.of());
  }

  /** σ'(z) through h: 1 − h² (tanh) or h − h² (sigmoid). */
  private String slope(Network net, String h) {
    String h2 = node("Mul", List.of(h, h), List.of());
    if (net.activation() == Activation.TANH) {
      return node("Sub", List.of(init(fresh("one"), new double[] {1}, 1), h2), List.of());
    }
    return node("Sub", List.of(h, h2), List.of());
  }

  private String mean(List<String> values) {
    if (values.size() == 1) {
      return values.get(0);
    }
    String sum = node("Sum", values, List.of());
    return node(
        "Mul",
        List.of(sum, init(fresh("inv_members"), new double[] {1.0 / values.size()}, 1)),
        List.of());
  }

  private String standardise(String in, String name, Scaling s) {
    double[] inv = new double[s.width()];
    for (int k = 0; k < inv.length; k++) {
      inv[k] = 1 / s.scale()[k];
    }
    String centred = node("Sub", List.of(in, init(name + "_mean", s.mean(), s.width())), List.of());
    return node("Mul", List.of(centred, init(name + "_inv_scale", inv, s.width())), List.of());
  }

  private String input(String name, int width) {
    graph.addInput(valueInfo(name, width));
    return name;
  }

  private void output(String from, String name, int width) {
    graph.addNode(
        NodeProto.newBuilder()
            .setOpType("Identity")
            .setName("out_" + name)
            .addInput(from)
            .addOutput(name));
    graph.addOutput(valueInfo(name, width));
  }

  private ValueInfoProto valueInfo(String name, int width) {
    TensorShapeProto shape =
        TensorShapeProto.newBuilder()
            .addDim(TensorShapeProto.Dimension.newBuilder().setDimParam("N"))
            .addDim(TensorShapeProto.Dimension.newBuilder().setDimValue(width))
            .build();
    return ValueInfoProto.newBuilder()
        .setName(name)
        .setType(
            TypeProto.newBuilder()
                .setTensorType(TypeProto.Tensor.newBuilder().setElemType(elemType).setShape(shape)))
        .build();
  }

  private String fresh(String prefix) {
    return prefix + "_" + (counter++);
  }

  private String node(String op, List<String> inputs, List<AttributeProto> attrs) {
    String out = fresh(op.toLowerCase(java.util.Locale.ROOT));
    graph.addNode(
        NodeProto.newBuilder()
            .setOpType(op)
            .setName(out)
            .addAllInput(inputs)
            .addOutput(out)
            .addAllAttribute(attrs));
    return out;
  }

  private static AttributeProto axis(long axis) {
    return AttributeProto.newBuilder()
        .setName("axis")
        .setType(AttributeProto.AttributeType.INT)
        .setI(axis)
        .build();
  }

  /** An initializer of shape dims holding {@code values} (row-major). */
  private String init(String name, double[] values, long... dims) {
    boolean dbl = elemType == TensorProto.DataType.DOUBLE_VALUE;
    ByteBuffer buf =
        ByteBuffer.allocate(values.length * (dbl ? 8 : 4)).order(ByteOrder.LITTLE_ENDIAN);
    for (double v : values) {
      if (dbl) {
        buf.putDouble(v);
      } else {
        buf.putFloat((float) v);
      }
    }
    TensorProto.Builder t =
        TensorProto.newBuilder()
            .setName(name)
            .setDataType(elemType)
            .setRawData(ByteString.copyFrom(buf.array()));
    for (long dim : dims) {
      t.addDims(dim);
    }
    graph.addInitializer(t);
    return name;
  }
}
