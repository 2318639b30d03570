package org.sbi4j.inference.histfactory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sbi4j.inference.histfactory.HistFactoryModel.Op;
import org.sbi4j.inference.histfactory.HistFactoryModel.SampleTerm;
import org.sbi4j.inference.histfactory.ParameterSet.Constraint;
import org.sbi4j.inference.histfactory.Workspace.Channel;
import org.sbi4j.inference.histfactory.Workspace.Measurement;
import org.sbi4j.inference.histfactory.Workspace.Modifier;
import org.sbi4j.inference.histfactory.Workspace.ParameterConfig;
import org.sbi4j.inference.histfactory.Workspace.Sample;

/** Builds a {@link HistFactoryModel} from a workspace: parameter sets first, then sample terms. */
final class ModelBuilder {
  private final Workspace ws;
  private final Measurement measurement;
  private final int measurementIndex;
  private final int[] channelOffsets;
  private final Map<String, ParameterSet> sets = new LinkedHashMap<>();
  private final Map<String, int[]> perBinIndex = new LinkedHashMap<>();
  private int next;

  ModelBuilder(Workspace ws, int measurementIndex) {
    this.ws = ws;
    this.measurementIndex = measurementIndex;
    this.measurement = ws.measurements().get(measurementIndex);
    channelOffsets = new int[ws.channels().size() + 1];
    for (int c = 0; c < ws.channels().size(); c++) {
      channelOffsets[c + 1] = channelOffsets[c] + ws.channels().get(c).bins();
    }
  }

  HistFactoryModel build(Interpolation normsys, Interpolation histosys) {
    declare(measurement.poi());
    for (Channel c : ws.channels()) {
      for (Sample s : c.samples()) {
        for (Modifier m : s.modifiers()) {
          declare(m.name());
        }
      }
    }
    List<ParameterSet> list = new ArrayList<>();
    for (String name : sets.keySet()) {
      list.add(sets.get(name));
    }
    List<SampleTerm> terms = new ArrayList<>();
    double[] observed = new double[channelOffsets[ws.channels().size()]];
    for (int c = 0; c < ws.channels().size(); c++) {
      Channel channel = ws.channels().get(c);
      double[] obs = ws.observation(channel.name()).data();
      System.arraycopy(obs, 0, observed, channelOffsets[c], obs.length);
      for (Sample s : channel.samples()) {
        List<Op> ops = new ArrayList<>();
        for (Modifier m : s.modifiers()) {
          ops.add(op(m, s, c, normsys, histosys));
        }
        terms.add(new SampleTerm(channelOffsets[c], s.data(), ops));
      }
    }
    return new HistFactoryModel(list, sets.get(measurement.poi()).offset(), terms, observed);
  }

  private Op op(Modifier m, Sample s, int c, Interpolation normsys, Interpolation histosys) {
    int p = sets.get(m.name()).offset();
    return switch (m.type()) {
      case NORMFACTOR, LUMI -> new Op.Scale(p);
      case NORMSYS ->
          new Op.NormSys(
              p,
              m.lo(),
              m.hi(),
              normsys,
              normsys == Interpolation.CODE4
                  ? Interpolation.code4Coefficients(m.lo(), m.hi())
                  : null);
      case HISTOSYS -> {
        double[] nom = s.data();
        double[] up = new double[nom.length];
        double[] down = new double[nom.length];
        for (int b = 0; b < nom.length; b++) {
          up[b] = m.hiData()[b] - nom[b];
          down[b] = nom[b] - m.loData()[b];
        }
        yield new Op.HistoSys(p, down, up, histosys);
      }
      case SHAPESYS, SHAPEFACTOR -> {
        int[] idx = new int[s.data().length];
        for (int b = 0; b < idx.length; b++) {
          idx[b] = p + b;
        }
        yield new Op.PerBin(idx);
      }
      case STATERROR -> {
        int[] slots = perBinIndex.get(m.name());
        yield new Op.PerBin(Arrays.copyOfRange(slots, channelOffsets[c], channelOffsets[c + 1]));
      }
    };
  }

  private void declare(String name) {
    if (sets.containsKey(name)) {
      return;
    }
    ModifierType type = null;
    List<Integer> channels = new ArrayList<>();
    List<Sample> samples = new ArrayList<>();
    List<Modifier> mods = new ArrayList<>();
    for (int c = 0; c < ws.channels().size(); c++) {
      for (Sample s : ws.channels().get(c).samples()) {
        for (Modifier m : s.modifiers()) {
          if (m.name().equals(name)) {
            type = m.type();
            if (channels.isEmpty() || channels.get(channels.size() - 1) != c) {
              channels.add(c);
            }
            samples.add(s);
            mods.add(m);
          }
        }
      }
    }
    ParameterConfig config = config(name);
    int n;
    double init = 1;
    double lo = 0;
    double hi = 10;
    Constraint constraint = Constraint.NONE;
    double[] aux = new double[0];
    double[] sigmas = new double[0];
    double[] factors = new double[0];
    boolean[] fixed;
    switch (type) {
      case NORMFACTOR -> n = 1;
      case NORMSYS, HISTOSYS -> {
        n = 1;
        init = 0;
        lo = -5;
        hi = 5;
        constraint = Constraint.NORMAL;
        aux = new double[] {0};
        sigmas = new double[] {1};
      }
      case LUMI -> {
        n = 1;
        if (config == null || config.auxdata() == null || config.sigmas() == null) {
          throw new IllegalArgumentException(
              "measurements["
                  + measurementIndex
                  + "].config.parameters: the lumi modifier '"
                  + name
                  + "' needs a parameter config with auxdata and sigmas");
        }
        if (config.auxdata().length != 1 || config.sigmas().length != 1) {
          throw sizeError(configPath(name) + ".auxdata/sigmas", config.auxdata().length, 1);
        }
        init = config.auxdata()[0];
        hi = 10 * init;
        constraint = Constraint.NORMAL;
        aux = config.auxdata().clone();
        sigmas = config.sigmas().clone();
      }
      case SHAPEFACTOR -> n = sharedBins(name, channels);
      case SHAPESYS -> {
        n = sharedBins(name, channels);
        lo = 1e-10;
        constraint = Constraint.POISSON;
        aux = new double[n];
        factors = new double[n];
      }
      case STATERROR -> {
        n = 0;
        for (int c : channels) {
          n += ws.channels().get(c).bins();
        }
        lo = 1e-10;
        constraint = Constraint.NORMAL;
        aux = new double[n];
        Arrays.fill(aux, 1);
        sigmas = new double[n];
      }
      default -> throw new IllegalStateException(String.valueOf(type));
    }
    fixed = new boolean[n];
    if (type == ModifierType.SHAPESYS) {
      Sample s = samples.get(0);
      double[] nom = s.data();
      double[] unc = mods.get(0).data();
      for (int b = 0; b < n; b++) {
        boolean valid = nom[b] > 0 && unc[b] > 0;
        factors[b] = valid ? nom[b] * nom[b] / (unc[b] * unc[b]) : 1;
        aux[b] = factors[b];
        fixed[b] = !valid;
      }
    }
    if (type == ModifierType.STATERROR) {
      staterror(name, channels, sigmas, fixed);
    }
    double[] inits = filled(n, init);
    double[] lower = filled(n, lo);
    double[] upper = filled(n, hi);
    if (config != null) {
      String cp = configPath(name);
      if (config.inits() != null) {
        inits = sized(config.inits(), n, cp + ".inits");
      }
      if (config.bounds() != null) {
        if (config.bounds().length != n) {
          throw sizeError(cp + ".bounds", config.bounds().length, n);
        }
        for (int i = 0; i < n; i++) {
          lower[i] = config.bounds()[i][0];
          upper[i] = config.bounds()[i][1];
        }
      }
      if (config.auxdata() != null && constraint != Constraint.NONE) {
        aux = sized(config.auxdata(), n, cp + ".auxdata");
      }
      if (config.sigmas() != null && constraint == Constraint.NORMAL) {
        sigmas = sized(config.sigmas(), n, cp + ".sigmas");
      }
      if (config.factors() != null && constraint == Constraint.POISSON) {
        factors = sized(config.factors(), n, cp + ".factors");
      }
      if (config.fixed() != null && config.fixed()) {
        Arrays.fill(fixed, true);
      }
    }
    sets.put(
        name,
        new ParameterSet(
            name, type, next, inits, lower, upper, fixed, constraint, aux, sigmas, factors));
    if (type == ModifierType.STATERROR) {
      int[] slots = new int[channelOffsets[ws.channels().size()]];
      Arrays.fill(slots, -1);
      int k = next;
      for (int c : channels) {
        for (int b = channelOffsets[c]; b < channelOffsets[c + 1]; b++) {
          slots[b] = k++;
        }
      }
      perBinIndex.put(name, slots);
    }
    next += n;
  }

  /** pyhf's staterror: σ_b = sqrt(Σ_s δ_sb²) / Σ_s nom_sb over the samples that carry it. */
  private void staterror(String name, List<Integer> channels, double[] sigmas, boolean[] fixed) {
    int k = 0;
    for (int c : channels) {
      Channel channel = ws.channels().get(c);
      for (int b = 0; b < channel.bins(); b++) {
        double nominal = 0;
        double squares = 0;
        for (Sample s : channel.samples()) {
          for (Modifier m : s.modifiers()) {
            if (m.name().equals(name)) {
              nominal += s.data()[b];
              squares += m.data()[b] * m.data()[b];
            }
          }
        }
        double rel = nominal > 0 ? Math.sqrt(squares) / nominal : 0;
        fixed[k] = rel == 0;
        sigmas[k++] = rel == 0 ? 1 : rel;
      }
    }
  }

  private int sharedBins(String name, List<Integer> channels) {
    int n = ws.channels().get(channels.get(0)).bins();
    for (int c : channels) {
      if (ws.channels().get(c).bins() != n) {
        throw new IllegalArgumentException(
            "channels["
                + c
                + "]: the per-bin modifier '"
                + name
                + "' spans channels with different bin counts (mismatched bin counts)");
      }
    }
    return n;
  }

  private ParameterConfig config(String name) {
    for (ParameterConfig p : measurement.parameters()) {
      if (p.name().equals(name)) {
        return p;
      }
    }
    return null;
  }

  private String configPath(String name) {
    List<ParameterConfig> ps = measurement.parameters();
    for (int i = 0; i < ps.size(); i++) {
      if (ps.get(i).name().equals(name)) {
        return "measurements[" + measurementIndex + "].config.parameters[" + i + "]";
      }
    }
    return "measurements[" + measurementIndex + "].config.parameters";
  }

  private static double[] sized(double[] values, int n, String path) {
    if (values.length != n) {
      throw sizeError(path, values.length, n);
    }
    return values.clone();
  }

  private static IllegalArgumentException sizeError(String path, int got, int n) {
    return new IllegalArgumentException(
        path + ": " + got + " entries for a parameter set of " + n + " parameters");
  }

  private static double[] filled(int n, double v) {
    double[] a = new double[n];
    Arrays.fill(a, v);
    return a;
  }
}
