package org.sbi4j.inference.histfactory;

import java.io.Serializable;
import java.util.List;

/**
 * A pyhf JSON workspace (schema 1.0.0): channels of samples with modifiers, the observed counts per
 * channel and the measurements (POI and parameter configurations). Read and written by {@link
 * WorkspaceJson}; turned into a likelihood by {@link HistFactoryModel}. Validation with JSON paths
 * happens in the reader and in the model builder. Serializable, so that a task can carry a
 * workspace to a Spark executor and rebuild its model there ({@link ModelSpec}).
 *
 * @param version the schema version, "1.0.0"
 * @param channels the channels in file order
 * @param observations observed counts, one entry per channel
 * @param measurements the measurements (at least one)
 */
public record Workspace(
    String version,
    List<Channel> channels,
    List<Observation> observations,
    List<Measurement> measurements)
    implements Serializable {
  public Workspace {
    channels = List.copyOf(channels);
    observations = List.copyOf(observations);
    measurements = List.copyOf(measurements);
  }

  /** A channel: a named histogram region with its samples. */
  public record Channel(String name, List<Sample> samples) implements Serializable {
    public Channel {
      samples = List.copyOf(samples);
    }

    /** Number of bins (of the first sample; the reader checks that all samples agree). */
    public int bins() {
      return samples.get(0).data().length;
    }
  }

  /** A sample: nominal yields per bin and the modifiers that act on them. */
  public record Sample(String name, double[] data, List<Modifier> modifiers)
      implements Serializable {
    public Sample {
      data = data.clone();
      modifiers = List.copyOf(modifiers);
    }

    @Override
    public double[] data() {
      return data.clone();
    }
  }

  /**
   * A modifier. {@code data} holds the per-bin uncertainties of shapesys and staterror; {@code
   * hiData}/{@code loData} the variations of histosys; {@code hi}/{@code lo} the factors of
   * normsys; unused fields are null (arrays) or NaN.
   */
  public record Modifier(
      String name,
      ModifierType type,
      double[] data,
      double hi,
      double lo,
      double[] hiData,
      double[] loData)
      implements Serializable {
    public Modifier {
      data = data == null ? null : data.clone();
      hiData = hiData == null ? null : hiData.clone();
      loData = loData == null ? null : loData.clone();
    }

    /** A modifier without data: normfactor, lumi, shapefactor. */
    public static Modifier plain(String name, ModifierType type) {
      return new Modifier(name, type, null, Double.NaN, Double.NaN, null, null);
    }

    /** A shapesys or staterror modifier with absolute per-bin uncertainties. */
    public static Modifier perBin(String name, ModifierType type, double[] data) {
      return new Modifier(name, type, data, Double.NaN, Double.NaN, null, null);
    }

    /** A normsys modifier with its up and down factors. */
    public static Modifier normsys(String name, double hi, double lo) {
      return new Modifier(name, ModifierType.NORMSYS, null, hi, lo, null, null);
    }

    /** A histosys modifier with its up and down templates. */
    public static Modifier histosys(String name, double[] hiData, double[] loData) {
      return new Modifier(
          name, ModifierType.HISTOSYS, null, Double.NaN, Double.NaN, hiData, loData);
    }

    @Override
    public double[] data() {
      return data == null ? null : data.clone();
    }

    @Override
    public double[] hiData() {
      return hiData == null ? null : hiData.clone();
    }

    @Override
    public double[] loData() {
      return loData == null ? null : loData.clone();
    }
  }

  /** Observed counts of one channel. */
  public record Observation(String name, double[] data) implements Serializable {
    public Observation {
      data = data.clone();
    }

    @Override
    public double[] data() {
      return data.clone();
    }
  }

  /** A measurement: its name, the parameter of interest and parameter configurations. */
  public record Measurement(String name, String poi, List<ParameterConfig> parameters)
      implements Serializable {
    public Measurement {
      parameters = List.copyOf(parameters);
    }
  }

  /**
   * Overrides of one parameter set; a null field is absent from the JSON and keeps the modifier's
   * default.
   */
  public record ParameterConfig(
      String name,
      double[] inits,
      double[][] bounds,
      double[] auxdata,
      double[] sigmas,
      double[] factors,
      Boolean fixed)
      implements Serializable {
    public ParameterConfig {
      inits = copy(inits);
      auxdata = copy(auxdata);
      sigmas = copy(sigmas);
      factors = copy(factors);
      if (bounds != null) {
        double[][] b = new double[bounds.length][];
        for (int i = 0; i < b.length; i++) {
          b[i] = bounds[i].clone();
        }
        bounds = b;
      }
    }

    private static double[] copy(double[] a) {
      return a == null ? null : a.clone();
    }
  }

  /** The channel called {@code name}, or null. */
  public Channel channel(String name) {
    return channels.stream().filter(c -> c.name().equals(name)).findFirst().orElse(null);
  }

  /** The observation of channel {@code name}, or null. */
  public Observation observation(String name) {
    return observations.stream().filter(o -> o.name().equals(name)).findFirst().orElse(null);
  }
}
