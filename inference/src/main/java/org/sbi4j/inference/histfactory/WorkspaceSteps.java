package org.sbi4j.inference.histfactory;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sbi4j.common.InvalidValueException;
import org.sbi4j.common.TaskRunner;
import org.sbi4j.inference.histfactory.HistFactoryModel.Data;
import org.sbi4j.inference.plot.BrazilPlot;

/** The library calls behind {@code sbi4j workspace cls|fit|upper-limit} (docs/cli.md). */
public final class WorkspaceSteps {
  private WorkspaceSteps() {}

  /**
   * Interpolation choices from "normsys=code1,histosys=code0" (either part may be left out;
   * defaults code4 and code4p); index 0 normsys, 1 histosys.
   */
  public static Interpolation[] interpolation(String spec) {
    Interpolation[] out = {Interpolation.CODE4, Interpolation.CODE4P};
    if (spec == null || spec.isBlank()) {
      return out;
    }
    for (String part : spec.split(",")) {
      String[] kv = part.trim().split("=", 2);
      Interpolation code = kv.length == 2 ? Interpolation.fromName(kv[1].trim()) : null;
      String key = kv[0].trim();
      boolean normsys = key.equals("normsys");
      if (code == null
          || !(normsys || key.equals("histosys"))
          || (normsys && code != Interpolation.CODE1 && code != Interpolation.CODE4)
          || (!normsys && code != Interpolation.CODE0 && code != Interpolation.CODE4P)) {
        throw new InvalidValueException(
            "interpolation",
            "'"
                + part
                + "' is not one of normsys=code1, normsys=code4, histosys=code0, histosys=code4p");
      }
      out[normsys ? 0 : 1] = code;
    }
    return out;
  }

  /** The model of the workspace in {@code file} for its first measurement. */
  public static HistFactoryModel model(Path file, String interp) {
    return model(file, interp, null);
  }

  /**
   * The model of the workspace in {@code file} for its measurement {@code measurement} (null: the
   * first).
   */
  public static HistFactoryModel model(Path file, String interp, String measurement) {
    Interpolation[] codes = interpolation(interp);
    Workspace ws = WorkspaceJson.read(file);
    try {
      return HistFactoryModel.of(ws, measurement, codes[0], codes[1]);
    } catch (InvalidValueException e) {
      throw e;
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("workspace " + file + ": " + e.getMessage(), e);
    }
  }

  /** Asymptotic CLs at {@code mu}: the JSON of {@code workspace cls}. */
  public static Map<String, Object> cls(HistFactoryModel model, double mu, TestStatistic stat) {
    requireFinitePoi(mu);
    AsymptoticCalculator.Result r =
        new AsymptoticCalculator(new Fitter(model), model.observedData(), stat).test(mu);
    Map<String, Object> out = clsJson(r);
    out.put("testStatAsimov", r.testStatAsimov());
    out.put("calculator", "asymptotics");
    out.put("measurement", model.measurement());
    return out;
  }

  /** CLs at {@code mu} from {@code toys} toys per hypothesis: the JSON of {@code workspace cls}. */
  public static Map<String, Object> clsToys(
      HistFactoryModel model,
      double mu,
      TestStatistic stat,
      int toys,
      long seed,
      TaskRunner runner) {
    requireFinitePoi(mu);
    ToyCalculator.Result r =
        new ToyCalculator(new Fitter(model), model.observedData(), stat, toys, seed)
            .test(mu, runner);
    Map<String, Object> out = clsJson(r);
    out.put("calculator", "toys");
    out.put("toys", r.toys());
    out.put("seed", seed);
    out.put("measurement", model.measurement());
    return out;
  }

  private static void requireFinitePoi(double mu) {
    if (!Double.isFinite(mu)) {
      throw new InvalidValueException("poi value", "must be finite, got " + mu);
    }
  }

  /** The keys every {@code workspace cls} result has, in the contract's order. */
  private static Map<String, Object> clsJson(ClsResult r) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("poi", r.poi());
    out.put("poiValue", r.poiValue());
    out.put("clsObserved", r.clsObserved());
    out.put("clsExpected", r.clsExpected());
    out.put("clsb", r.clsb());
    out.put("clb", r.clb());
    out.put("testStat", r.testStat());
    out.put("testStatValue", r.testStatValue());
    return out;
  }

  /** The unconditional fit: the JSON of {@code workspace fit}. */
  public static Map<String, Object> fit(HistFactoryModel model) {
    Fitter fitter = new Fitter(model);
    Data data = model.observedData();
    Fitter.Fit fit = fitter.fit(data);
    double[] best = fit.parameters();
    double[] errors = fitter.uncertainties(data, best);
    boolean[] fixed = model.fixed();
    List<String> names = model.parameterNames();
    List<Map<String, Object>> parameters = new java.util.ArrayList<>();
    for (int i = 0; i < best.length; i++) {
      Map<String, Object> p = new LinkedHashMap<>();
      p.put("name", names.get(i));
      p.put("value", best[i]);
      p.put("uncertainty", errors[i]);
      p.put("fixed", fixed[i]);
      parameters.add(p);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("poi", model.poi());
    out.put("twiceNll", 2 * fit.nll());
    out.put("converged", fit.converged());
    out.put("parameters", parameters);
    out.put("measurement", model.measurement());
    return out;
  }

  /** Parses a scan "lo:hi:n". */
  public static double[] scan(String spec) {
    String[] parts = spec.split(":");
    try {
      if (parts.length == 3) {
        return new double[] {
          Double.parseDouble(parts[0]), Double.parseDouble(parts[1]), Integer.parseInt(parts[2])
        };
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new InvalidValueException("scan", "'" + spec + "' is not lo:hi:n");
  }

  /** Asymptotic upper limits at 95 % CL: the JSON of {@code workspace upper-limit}. */
  public static Map<String, Object> upperLimit(
      HistFactoryModel model, String scanSpec, TestStatistic stat, Path plot) {
    Fitter fitter = new Fitter(model);
    double[] scan = scanOrDefault(fitter, scanSpec);
    UpperLimit.Result r =
        UpperLimit.compute(
            fitter, model.observedData(), stat, scan[0], scan[1], (int) scan[2], 0.05);
    Map<String, Object> out = upperLimitJson(model, stat, plot, r);
    out.put("calculator", "asymptotics");
    out.put("measurement", model.measurement());
    return out;
  }

  /**
   * Upper limits at 95 % CL from {@code toys} toys per hypothesis at every scan point, run on
   * {@code runner}: the JSON of {@code workspace upper-limit --calculator toys}; {@code progress}
   * (or null) gets a line per scan point.
   */
  public static Map<String, Object> upperLimitToys(
      HistFactoryModel model,
      String scanSpec,
      TestStatistic stat,
      Path plot,
      int toys,
      long seed,
      TaskRunner runner,
      PrintStream progress) {
    Fitter fitter = new Fitter(model);
    double[] scan = scanOrDefault(fitter, scanSpec);
    UpperLimit.Result r =
        UpperLimit.computeToys(
            fitter,
            model.observedData(),
            stat,
            scan[0],
            scan[1],
            (int) scan[2],
            0.05,
            toys,
            seed,
            runner,
            progress);
    Map<String, Object> out = upperLimitJson(model, stat, plot, r);
    out.put("calculator", "toys");
    out.put("toys", toys);
    out.put("seed", seed);
    out.put("measurement", model.measurement());
    return out;
  }

  private static double[] scanOrDefault(Fitter fitter, String scanSpec) {
    double[] bounds = fitter.poiBounds();
    return scanSpec == null ? new double[] {Math.max(0, bounds[0]), bounds[1], 41} : scan(scanSpec);
  }

  private static Map<String, Object> upperLimitJson(
      HistFactoryModel model, TestStatistic stat, Path plot, UpperLimit.Result r) {
    if (plot != null) {
      BrazilPlot.write(r, model.poi(), 0.05, plot);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("poi", model.poi());
    out.put("cl", 0.95);
    out.put("observed", r.observed());
    out.put("expected", r.expected());
    out.put("testStat", stat.cliName());
    out.put("scan", r.scan());
    out.put("clsObserved", r.clsObserved());
    out.put("clsExpected", r.clsExpected());
    return out;
  }
}
