package org.sbi4j.samples.io;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.jexl3.JexlContext;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.sbi4j.common.Progress;
import org.sbi4j.common.Seeds;
import org.sbi4j.samples.EventSample;

/**
 * {@code import lhe}: several LHE files, each generated at a sampling benchmark, with smearing,
 * cuts, observables, efficiencies, k-factors and nuisance weights (docs/math.md §11, formats.md
 * §9.2), into one weighted sample.
 */
final class LheSamples {
  private final LheImportConfig c;
  private final List<double[]> x = new ArrayList<>();
  private final List<double[]> w = new ArrayList<>();
  private final List<double[]> nw = new ArrayList<>();
  private final List<Integer> from = new ArrayList<>();
  private long read;
  private long failedCuts;
  private long failedObservables;
  private long failedEfficiencies;

  private LheSamples(LheImportConfig c) {
    this.c = c;
  }

  static LheImport.Imported run(LheImportConfig c, long seed, Progress progress) {
    LheSamples s = new LheSamples(c);
    List<LheImport.SampleCount> counts = new ArrayList<>();
    for (int f = 0; f < c.samples().size(); f++) {
      LheImportConfig.SampleFile sf = c.samples().get(f);
      int before = s.x.size();
      ContinuousSampler gauss =
          ZigguratSampler.NormalizedGaussian.of(
              RandomSource.XO_RO_SHI_RO_128_PP.create(Seeds.derive(seed, f)));
      int n =
          LheReader.stream(
              sf.file(),
              s.ids(sf),
              progress,
              (event, ev, wgt) -> s.event(sf, event, ev, wgt, gauss));
      s.read += n;
      counts.add(
          new LheImport.SampleCount(
              sf.file().toString(), sf.benchmarkName(), n, s.x.size() - before));
    }
    return s.finish(counts);
  }

  /**
   * The weight ids a file must declare: those of the θ benchmarks but its own sampling benchmark
   * (whose weight is XWGTUP) and those of the nuisance benchmarks; a background file needs the
   * nuisance ids only.
   */
  private Set<String> ids(LheImportConfig.SampleFile sf) {
    Set<String> ids = new LinkedHashSet<>();
    if (!sf.background()) {
      for (int b = 0; b < c.thetaIds().size(); b++) {
        if (b != sf.sampledFrom()) {
          ids.add(c.thetaIds().get(b));
        }
      }
    }
    ids.addAll(c.nuisanceIds());
    return ids;
  }

  private void event(
      LheImportConfig.SampleFile sf,
      int event,
      LheObservables.Event ev,
      Map<String, Double> wgt,
      ContinuousSampler gauss) {
    List<LheParticle> ps = LheSmearing.apply(ev.particles(), c.smearing(), gauss);
    JexlContext ctx = LheExpressions.context(ps);
    for (LheExpressions.Compiled cut : c.cuts()) {
      if (!LheExpressions.holds(cut, ctx)) {
        failedCuts++;
        return;
      }
    }
    double[] xr = new double[c.observables().size()];
    for (int j = 0; j < xr.length; j++) {
      LheImportConfig.ObservableDef o = c.observables().get(j);
      Double v =
          o.spec() != null
              ? finite(LheObservables.tryValue(ps, o.spec()))
              : LheExpressions.number(o.expression(), ctx);
      if (v == null) {
        v = o.fallback();
      }
      if (v == null) {
        failedObservables++;
        return;
      }
      xr[j] = v;
    }
    double factor = sf.kFactor();
    for (LheExpressions.Compiled e : c.efficiencies()) {
      Double f = LheExpressions.number(e, ctx);
      if (f == null) {
        failedEfficiencies++;
        return;
      }
      if (f < 0) {
        throw new IllegalArgumentException(
            sf.file()
                + ": event "
                + event
                + ": "
                + e.what()
                + " '"
                + e.text()
                + "' is "
                + f
                + "; an efficiency must be ≥ 0");
      }
      factor *= f;
    }
    double[] wr = new double[c.thetaIds().size()];
    for (int b = 0; b < wr.length; b++) {
      double raw =
          sf.background() || b == sf.sampledFrom()
              ? ev.weight()
              : LheReader.weight(sf.file(), event, ev, wgt, c.thetaIds().get(b));
      wr[b] = raw * factor;
    }
    double[] nr = new double[c.nuisanceIds().size()];
    for (int k = 0; k < nr.length; k++) {
      double v = LheReader.weight(sf.file(), event, ev, wgt, c.nuisanceIds().get(k));
      double ratio;
      if (ev.weight() != 0) {
        ratio = v / ev.weight();
      } else if (v == 0) {
        ratio = 1;
      } else {
        throw new IllegalArgumentException(
            sf.file()
                + ": event "
                + event
                + " has XWGTUP = 0 but weight '"
                + c.nuisanceIds().get(k)
                + "' = "
                + v
                + "; nuisance weights are taken relative to XWGTUP");
      }
      nr[k] = wr[c.reference()] * ratio;
    }
    x.add(xr);
    w.add(wr);
    nw.add(nr);
    from.add(sf.sampledFrom());
  }

  private static Double finite(Double v) {
    return v == null || !Double.isFinite(v) ? null : v;
  }

  private LheImport.Imported finish(List<LheImport.SampleCount> counts) {
    if (x.isEmpty()) {
      throw new IllegalArgumentException(
          String.format(
              "no event is left: %d read, %d failed the cuts, %d had an observable that cannot be"
                  + " computed and no 'default', %d an efficiency that cannot; loosen the cuts or"
                  + " give defaults",
              read, failedCuts, failedObservables, failedEfficiencies));
    }
    double norm = c.average() ? read : c.samples().size();
    int nb = c.thetaIds().size();
    int k = c.nuisanceIds().size();
    double[] wf = new double[x.size() * nb];
    double[] nwf = new double[x.size() * k];
    for (int i = 0; i < x.size(); i++) {
      for (int b = 0; b < nb; b++) {
        wf[i * nb + b] = w.get(i)[b] / norm;
      }
      for (int q = 0; q < k; q++) {
        nwf[i * k + q] = nw.get(i)[q] / norm;
      }
    }
    EventSample ev =
        EventSample.ofFeatures(
                c.observables().stream().map(LheImportConfig.ObservableDef::name).toList(),
                x.toArray(new double[0][]))
            .withWeights(c.setup(), wf, from.stream().mapToInt(Integer::intValue).toArray());
    if (!c.nuisances().isEmpty()) {
      ev = ev.withNuisances(c.nuisances(), nwf);
    }
    return new LheImport.Imported(
        ev,
        c.observables().stream().map(LheImportConfig.ObservableDef::definition).toList(),
        c.systematics(),
        read,
        failedCuts,
        failedObservables,
        failedEfficiencies,
        counts);
  }

  /** Total size of the files in bytes (the progress bar's length). */
  static long bytes(LheImportConfig c) {
    long total = 0;
    for (LheImportConfig.SampleFile f : c.samples()) {
      try {
        total += Files.size(f.file());
      } catch (IOException e) {
        throw new IllegalArgumentException("file " + f.file() + " does not exist or is unreadable");
      }
    }
    return total;
  }
}
