package org.sbi4j.samples;

/**
 * The optional per-event columns an {@link EventSample} may carry, with the dataset names of the
 * training-sample file (docs/formats.md). Width is per event: 1, or the number of parameters.
 */
public enum Column {
  /** θ0 of the row (n × p). */
  THETA0("theta0", true),
  /** θ1 of the row (n × p). */
  THETA1("theta1", true),
  /** Class label: 0 drawn at θ0, 1 drawn at θ1 (n). */
  Y("y", false),
  /** log r(x,z|θ0,θ1) (n). */
  LOG_R_XZ("log_r_xz", false),
  /** t(x,z|θ0) (n × p). */
  T_XZ0("t_xz0", true),
  /** t(x,z|θ1) (n × p). */
  T_XZ1("t_xz1", true),
  /** Per-event weight of a plain (unweighted-feature) sample, as NPLM's reference sample (n). */
  WEIGHT("weights", false);

  private final String datasetName;
  private final boolean perParameter;

  Column(String datasetName, boolean perParameter) {
    this.datasetName = datasetName;
    this.perParameter = perParameter;
  }

  /** The HDF5 dataset name of this column in a training-sample file. */
  public String datasetName() {
    return datasetName;
  }

  /** True when the column has one value per parameter, false when one per event. */
  public boolean perParameter() {
    return perParameter;
  }
}
