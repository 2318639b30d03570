package org.sbi4j.samples.io;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** Particles of an LHE event and the observables of {@link LheMapping.Observable}. */
final class LheObservables {
  private LheObservables() {}

  private static final java.util.regex.Pattern LINES = java.util.regex.Pattern.compile("\\R");
  private static final java.util.regex.Pattern SPACES = java.util.regex.Pattern.compile("\\s+");

  /** Quantities of one particle or a pair. */
  enum Quantity {
    PT(false),
    ETA(false),
    PHI(false),
    M(false),
    E(false),
    PT_PAIR(true),
    M_PAIR(true),
    DELTA_PHI(true),
    DELTA_ETA(true);

    final boolean pair;

    Quantity(boolean pair) {
      this.pair = pair;
    }
  }

  /** A checked observable. */
  record Spec(String name, Quantity quantity, List<Integer> a, int ia, List<Integer> b, int ib) {}

  /** An event's weight XWGTUP and particles. */
  record Event(double weight, List<LheParticle> particles) {}

  static List<Spec> specs(List<LheMapping.Observable> obs) {
    List<Spec> out = new ArrayList<>();
    if (obs.isEmpty()) {
      throw new IllegalArgumentException("the mapping lists no observables");
    }
    for (LheMapping.Observable o : obs) {
      Quantity q;
      try {
        q = Quantity.valueOf(String.valueOf(o.quantity()).toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "observable '"
                + o.name()
                + "': unknown quantity '"
                + o.quantity()
                + "'; choose one of pt, eta, phi, m, e, pt_pair, m_pair, delta_phi, "
                + "delta_eta");
      }
      if (o.name() == null || o.particles() == null || o.particles().isEmpty()) {
        throw new IllegalArgumentException(
            "observable "
                + o.name()
                + " needs a 'name' and a non-empty 'particles' list of |PDG ids|");
      }
      int ia = o.index() == null ? 0 : o.index();
      out.add(
          new Spec(
              o.name(),
              q,
              o.particles(),
              ia,
              o.particles2() == null ? o.particles() : o.particles2(),
              o.index2() == null ? ia + 1 : o.index2()));
    }
    return out;
  }

  /** Parses the text of an {@code <event>}: a header line and NUP particle lines. */
  static Event parseEvent(Path lhe, int event, String text) {
    String[] lines = LINES.split(text.strip());
    String[] head = SPACES.split(lines[0].trim());
    if (head.length < 6) {
      throw new IllegalArgumentException(
          lhe
              + ": event "
              + event
              + " has no LHE header line (NUP IDPRUP XWGTUP SCALUP AQEDUP AQCDUP)");
    }
    int nup = (int) num(lhe, event, head[0]);
    if (nup < 0 || nup > lines.length - 1) {
      throw new IllegalArgumentException(
          lhe
              + ": event "
              + event
              + " declares "
              + nup
              + " particles but has "
              + (lines.length - 1)
              + " lines");
    }
    List<LheParticle> ps = new ArrayList<>();
    for (int k = 1; k <= nup; k++) {
      String[] f = SPACES.split(lines[k].trim());
      if (f.length < 13) {
        throw new IllegalArgumentException(
            lhe
                + ": event "
                + event
                + " particle line "
                + k
                + " has "
                + f.length
                + " fields; 13 are expected");
      }
      ps.add(
          new LheParticle(
              (int) num(lhe, event, f[0]),
              (int) num(lhe, event, f[1]),
              num(lhe, event, f[6]),
              num(lhe, event, f[7]),
              num(lhe, event, f[8]),
              num(lhe, event, f[9])));
    }
    return new Event(num(lhe, event, head[2]), ps);
  }

  private static double num(Path lhe, int event, String s) {
    try {
      double v = Double.parseDouble(s);
      if (Double.isFinite(v)) {
        return v;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(
        lhe + ": event " + event + ": '" + s + "' is not a finite number");
  }

  static double[] evaluate(Path lhe, int event, Event ev, List<Spec> specs) {
    double[] x = new double[specs.size()];
    for (int j = 0; j < x.length; j++) {
      Spec s = specs.get(j);
      Double v = tryValue(ev.particles(), s);
      if (v == null) {
        missing(lhe, event, ev.particles(), s);
      }
      x[j] = v;
      if (!Double.isFinite(x[j])) {
        throw new IllegalArgumentException(
            lhe
                + ": event "
                + event
                + ": observable '"
                + s.name()
                + "' is "
                + x[j]
                + " (a particle along the beam?)");
      }
    }
    return x;
  }

  /** The value of {@code s} for these particles, or null when a particle it needs is missing. */
  static Double tryValue(List<LheParticle> particles, Spec s) {
    LheParticle a = pick(particles, s.a(), s.ia());
    LheParticle b = s.quantity().pair ? pick(particles, s.b(), s.ib()) : null;
    if (a == null || (s.quantity().pair && b == null)) {
      return null;
    }
    return value(s.quantity(), a, b);
  }

  private static List<LheParticle> selected(List<LheParticle> particles, List<Integer> ids) {
    return particles.stream()
        .filter(p -> p.status() == 1 && ids.contains(Math.abs(p.pdg())))
        .sorted(Comparator.comparingDouble(LheParticle::pt).reversed())
        .toList();
  }

  private static LheParticle pick(List<LheParticle> particles, List<Integer> ids, int index) {
    List<LheParticle> sel = selected(particles, ids);
    return index < sel.size() ? sel.get(index) : null;
  }

  private static void missing(Path lhe, int event, List<LheParticle> particles, Spec s) {
    boolean first = pick(particles, s.a(), s.ia()) == null;
    List<Integer> ids = first ? s.a() : s.b();
    throw new IllegalArgumentException(
        String.format(
            Locale.ROOT,
            "%s: event %d has %d final-state particles with |PDG id| in %s, but observable '%s' "
                + "needs number %d",
            lhe,
            event,
            selected(particles, ids).size(),
            ids,
            s.name(),
            (first ? s.ia() : s.ib()) + 1));
  }

  static double value(Quantity q, LheParticle a, LheParticle b) {
    return switch (q) {
      case PT -> a.pt();
      case ETA -> a.eta();
      case PHI -> a.phi();
      case M -> a.m();
      case E -> a.e();
      case PT_PAIR -> LheFunctions.pt(a, b);
      case M_PAIR -> LheFunctions.m(a, b);
      case DELTA_PHI -> LheFunctions.deltaphi(a, b);
      case DELTA_ETA -> LheFunctions.deltaeta(a, b);
    };
  }
}
