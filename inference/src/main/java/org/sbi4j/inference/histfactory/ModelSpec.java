package org.sbi4j.inference.histfactory;

import java.io.Serializable;

/**
 * Everything needed to rebuild a {@link HistFactoryModel}: the workspace, the measurement's name
 * and the interpolation codes. Serializable, so that toy tasks carry it to Spark executors instead
 * of the model (docs/math.md §6.8); {@link #build()} gives a model equal to the original, since
 * building is a pure function of these four values.
 *
 * @param workspace the workspace
 * @param measurement the measurement's name
 * @param normsys the normsys interpolation code
 * @param histosys the histosys interpolation code
 */
public record ModelSpec(
    Workspace workspace, String measurement, Interpolation normsys, Interpolation histosys)
    implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The model. */
  public HistFactoryModel build() {
    return HistFactoryModel.of(workspace, measurement, normsys, histosys);
  }
}
