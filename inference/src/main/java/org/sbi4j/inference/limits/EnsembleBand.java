package org.sbi4j.inference.limits;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.sbi4j.training.model.Network;
import org.sbi4j.training.model.RatioModel;

/**
 * The spread of an ensemble's limits (docs/math.md §10.5): the same limits computed with each
 * member of the ensemble alone, and per parameter the envelope of the members' intervals, [min_k
 * lower_k, max_k upper_k].
 *
 * @param members one scan per ensemble member, in the folder's order
 */
public record EnsembleBand(List<ScanResult> members) {
  public EnsembleBand {
    members = List.copyOf(members);
    if (members.size() < 2) {
      throw new IllegalArgumentException("an ensemble band needs at least two members");
    }
  }

  /**
   * The band of {@code source} when it is a ratio-model ensemble: {@code limits} run on each member
   * alone; null for any other source.
   */
  static EnsembleBand of(LimitSource source, Function<LimitSource, LimitsResult> limits) {
    if (!(source instanceof LimitSource.Ratio r)
        || !(r.estimator() instanceof RatioModel model)
        || model.data().members().size() < 2) {
      return null;
    }
    List<ScanResult> scans = new ArrayList<>();
    List<Network> members = model.data().members();
    for (int k = 0; k < members.size(); k++) {
      RatioModel one = new RatioModel(model.data().withMembers(List.of(members.get(k))));
      scans.add(limits.apply(new LimitSource.Ratio(r.label() + " member " + k, one)).scan());
    }
    return new EnsembleBand(scans);
  }

  /** The envelope of the members' 68 % (cl68 true) or 95 % intervals of {@code name}. */
  public Interval envelope(String name, boolean cl68) {
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    boolean loEdge = false;
    boolean hiEdge = false;
    for (ScanResult s : members) {
      Intervals iv = s.intervals().get(name);
      Interval i = cl68 ? iv.cl68() : iv.cl95();
      if (i.lower() < lo) {
        lo = i.lower();
        loEdge = i.lowerAtEdge();
      }
      if (i.upper() > hi) {
        hi = i.upper();
        hiEdge = i.upperAtEdge();
      }
    }
    return new Interval(lo, hi, loEdge, hiEdge);
  }

  /** The pointwise minimum (0) and maximum (1) over the members of q on the grid. */
  public double[][] qRange() {
    int g = members.get(0).q().length;
    double[][] out = new double[2][g];
    java.util.Arrays.fill(out[0], Double.POSITIVE_INFINITY);
    java.util.Arrays.fill(out[1], Double.NEGATIVE_INFINITY);
    for (ScanResult s : members) {
      double[] q = s.q();
      for (int i = 0; i < g; i++) {
        out[0][i] = Math.min(out[0][i], q[i]);
        out[1][i] = Math.max(out[1][i], q[i]);
      }
    }
    return out;
  }

  /**
   * The JSON keys of docs/cli.md: {@code memberIntervals} {name: [{cl68, cl95} per member]}, {@code
   * memberBestFits}, {@code envelope68} and {@code envelope95} {name: [lo, hi]}.
   */
  public Map<String, Object> summary() {
    Map<String, Object> out = new LinkedHashMap<>();
    Map<String, Object> perMember = new LinkedHashMap<>();
    Map<String, Object> e68 = new LinkedHashMap<>();
    Map<String, Object> e95 = new LinkedHashMap<>();
    for (String name : members.get(0).intervals().keySet()) {
      List<Map<String, Object>> list = new ArrayList<>();
      for (ScanResult s : members) {
        Intervals iv = s.intervals().get(name);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cl68", iv.cl68().bounds());
        m.put("cl95", iv.cl95().bounds());
        list.add(m);
      }
      perMember.put(name, list);
      e68.put(name, envelope(name, true).bounds());
      e95.put(name, envelope(name, false).bounds());
    }
    out.put("memberIntervals", perMember);
    out.put("memberBestFits", members.stream().map(ScanResult::bestFit).toList());
    out.put("envelope68", e68);
    out.put("envelope95", e95);
    return out;
  }
}
