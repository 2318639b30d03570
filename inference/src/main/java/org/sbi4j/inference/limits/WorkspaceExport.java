package org.sbi4j.inference.limits;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.sbi4j.common.Check;
import org.sbi4j.common.InvalidValueException;
import org.sbi4j.inference.histfactory.ModifierType;
import org.sbi4j.inference.histfactory.Workspace;
import org.sbi4j.inference.histfactory.Workspace.Channel;
import org.sbi4j.inference.histfactory.Workspace.Measurement;
import org.sbi4j.inference.histfactory.Workspace.Modifier;
import org.sbi4j.inference.histfactory.Workspace.Observation;
import org.sbi4j.inference.histfactory.Workspace.Sample;
import org.sbi4j.inference.histfactory.WorkspaceJson;
import org.sbi4j.inference.likelihood.Binning;
import org.sbi4j.inference.likelihood.BinningSpec;
import org.sbi4j.inference.likelihood.DataFiles;
import org.sbi4j.inference.likelihood.Dataset;
import org.sbi4j.inference.likelihood.HistogramModel;
import org.sbi4j.inference.likelihood.MorphedEvents;
import org.sbi4j.inference.likelihood.Summary;
import org.sbi4j.samples.EventSample;

/**
 * {@code sbi4j workspace export} (docs/formats.md §14.1): the histogram baseline of an event file
 * at one θ as a pyhf workspace. One channel whose bins are those of the baseline (docs/math.md
 * §4.4, flat index); a sample {@value #SIGNAL} with the morphed yields L·Σ dσ_e(θ) of the events
 * not marked as background and a normfactor {@value #POI} (the POI), a sample {@value #BACKGROUND}
 * with those of the events marked as background (sampled_from = −1) when there are any, each with
 * the staterror {@code staterror_CHANNEL} whose data are the absolute Monte Carlo uncertainties
 * L·sqrt(Σ dσ_e(θ)²) per bin; observations are the expected counts (Asimov) or a data file's.
 */
public final class WorkspaceExport {
  /** The POI, a normfactor on the signal sample. */
  public static final String POI = "mu";

  /** The signal sample's name. */
  public static final String SIGNAL = "signal";

  /** The background sample's name. */
  public static final String BACKGROUND = "background";

  private WorkspaceExport() {}

  /**
   * The exported workspace and what it was built from.
   *
   * @param workspace the workspace
   * @param observables the binned observables
   * @param binning the bins
   * @param signal signal yields per bin
   * @param background background yields per bin (all 0 without background events)
   * @param hasBackground whether the file has background events (and the workspace the sample)
   * @param observations the observed counts written
   */
  public record Export(
      Workspace workspace,
      List<String> observables,
      Binning binning,
      double[] signal,
      double[] background,
      boolean hasBackground,
      double[] observations) {
    public Export {
      observables = List.copyOf(observables);
      signal = signal.clone();
      background = background.clone();
      observations = observations.clone();
    }

    @Override
    public double[] signal() {
      return signal.clone();
    }

    @Override
    public double[] background() {
      return background.clone();
    }

    @Override
    public double[] observations() {
      return observations.clone();
    }
  }

  /**
   * Builds the workspace.
   *
   * @param file the weighted event file
   * @param theta θ of the templates
   * @param luminosity L in pb⁻¹
   * @param observables one or two observables, or null/empty for the file's first
   * @param spec the binning (adaptive bins per dimension at θ_ref, or edges), as in {@code limits}
   * @param data observed events for the observations, or null for the Asimov counts
   * @param channel the channel's name
   */
  public static Export build(
      EventSample file,
      double[] theta,
      double luminosity,
      List<String> observables,
      BinningSpec spec,
      EventSample data,
      String channel) {
    if (channel == null || channel.isBlank()) {
      throw new InvalidValueException("channel", "the channel needs a non-empty name");
    }
    Check.luminosity(luminosity);
    MorphedEvents rate = new MorphedEvents(file);
    rate.setup().checkTheta("theta", theta);
    List<String> obs =
        observables == null || observables.isEmpty()
            ? List.of(file.observables().get(0))
            : List.copyOf(observables);
    Summary summary = new Summary.Observed(obs);
    if (spec == null) {
      spec = BinningSpec.adaptive(summary.dimension());
    }
    HistogramModel model = Limits.histogramModel(rate, summary, spec, luminosity);
    Binning binning = model.binning();
    int nb = binning.size();
    double[] values = summary.values(file);
    double[] dsigma = rate.dsigma(theta);
    int[] from = file.sampledFrom().orElse(null);
    double[][] yields = new double[2][nb];
    double[][] squares = new double[2][nb];
    boolean hasBackground = false;
    int d = summary.dimension();
    for (int e = 0; e < dsigma.length; e++) {
      int s = from != null && from[e] == -1 ? 1 : 0;
      hasBackground |= s == 1;
      int k = binning.index(values, e * d);
      double w = luminosity * dsigma[e];
      yields[s][k] += w;
      squares[s][k] += w * w;
    }
    for (int k = 0; k < nb; k++) {
      double total = yields[0][k] + yields[1][k];
      if (!(total > 0)) {
        throw new IllegalArgumentException(
            String.format(
                Locale.ROOT,
                "bin %d of the histogram expects %s events at θ = %s; every bin needs a positive"
                    + " expectation (use fewer bins or a θ where the morphed weights are"
                    + " positive)",
                k,
                total,
                Arrays.toString(theta)));
      }
    }
    String staterror = "staterror_" + channel;
    List<Sample> samples = new ArrayList<>();
    samples.add(
        new Sample(
            SIGNAL,
            yields[0],
            List.of(
                Modifier.plain(POI, ModifierType.NORMFACTOR),
                Modifier.perBin(staterror, ModifierType.STATERROR, sqrt(squares[0])))));
    if (hasBackground) {
      samples.add(
          new Sample(
              BACKGROUND,
              yields[1],
              List.of(Modifier.perBin(staterror, ModifierType.STATERROR, sqrt(squares[1])))));
    }
    double[] observed = new double[nb];
    if (data == null) {
      for (int k = 0; k < nb; k++) {
        observed[k] = yields[0][k] + yields[1][k];
      }
    } else {
      observed = model.counts(Dataset.observed(data), summary);
    }
    Workspace ws =
        new Workspace(
            "1.0.0",
            List.of(new Channel(channel, samples)),
            List.of(new Observation(channel, observed)),
            List.of(new Measurement("sbi4j_export", POI, List.of())));
    // the reader's checks: what we write must read back
    Workspace checked = WorkspaceJson.parse(WorkspaceJson.write(ws));
    return new Export(checked, obs, binning, yields[0], yields[1], hasBackground, observed);
  }

  /**
   * Reads the files, builds the workspace, writes it to {@code out} atomically and returns the JSON
   * of docs/cli.md.
   */
  public static Map<String, Object> run(
      Path events,
      double[] theta,
      double luminosity,
      List<String> observables,
      Integer binsPerDimension,
      Path data,
      String channel,
      Path out) {
    EventSample file = DataFiles.events(events);
    EventSample observed = data == null ? null : DataFiles.observed(data);
    int dimension = observables == null || observables.isEmpty() ? 1 : observables.size();
    BinningSpec spec =
        binsPerDimension == null
            ? BinningSpec.adaptive(dimension)
            : new BinningSpec(binsPerDimension, null, null);
    Export x = build(file, theta, luminosity, observables, spec, observed, channel);
    WorkspaceJson.write(x.workspace(), out);
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("workspace", out.toString());
    json.put("channel", channel);
    json.put("poi", POI);
    json.put("theta", theta.clone());
    json.put("luminosity", luminosity);
    json.put("observables", x.observables());
    json.put("bins", x.binning().size());
    json.put("edges", x.binning().edges());
    json.put("signal", x.signal());
    json.put("background", x.hasBackground() ? x.background() : new double[0]);
    json.put("observations", x.observations());
    json.put("observationSource", data == null ? "asimov" : "data");
    return json;
  }

  private static double[] sqrt(double[] v) {
    double[] out = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = Math.sqrt(v[i]);
    }
    return out;
  }
}
