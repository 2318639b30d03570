package org.sbi4j.training.steps;

import java.nio.file.Path;
import org.sbi4j.training.model.ModelData;
import org.sbi4j.training.store.ModelFolder;
import org.sbi4j.training.store.OnnxExport;

/** {@code sbi4j export}: re-exports a model folder to an ONNX file. */
public final class ExportStep {
  private ExportStep() {}

  /**
   * @param method the model's method
   * @param inputs the ONNX inputs, in order
   * @param outputs the ONNX outputs
   * @param irVersion ONNX IR version
   * @param opset default-domain opset
   * @param out the file written
   */
  public record Result(
      String method, String[] inputs, String[] outputs, long irVersion, long opset, String out) {}

  /** Loads (and so validates) {@code model} and writes its ONNX form to {@code out}. */
  public static Result run(Path model, Path out) {
    ModelData m = ModelFolder.load(model).model();
    OnnxExport.write(m, out);
    return new Result(
        m.method().cliName(),
        m.isRatio() ? new String[] {"theta", "x"} : new String[] {"x"},
        m.isRatio() ? new String[] {"log_r_hat", "t_hat"} : new String[] {"t_hat"},
        OnnxExport.IR_VERSION,
        OnnxExport.OPSET,
        out.toString());
  }
}
