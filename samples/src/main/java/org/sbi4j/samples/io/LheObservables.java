package org.sbi4j.samples.io;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** Particles of an LHE event and the observables of {@link LheMapping.Observable}. */
final class LheObservables {
  private LheObservables() {}

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

  /** One final-state or intermediate particle: PDG id, status, (px, py, pz, E). */
  record Particle(int pdg, int status, double px, double py, double pz, double e) {
    double pt() {
      return Math.hypot(px, py);
    }
  }

  /** An event's weight XWGTUP and particles. */
  record Event(double weight, List<Particle> particles) {}

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
    String[] lines = text.strip().split("\\R");
    String[] head = lines[0].trim().split("\\s+");
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
    List<Particle> ps = new ArrayList<>();
    for (int k = 1; k <= nup; k++) {
      String[] f = lines[k].trim().split("\\s+");
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
          new Particle(
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
      Particle a = pick(lhe, event, ev, s, s.a(), s.ia());
      Particle b = s.quantity().pair ? pick(lhe, event, ev, s, s.b(), s.ib()) : null;
      x[j] = value(s.quantity(), a, b);
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

  private static Particle pick(
      Path lhe, int event, Event ev, Spec s, List<Integer> ids, int index) {
    List<Particle> sel =
        ev.particles().stream()
            .filter(p -> p.status() == 1 && ids.contains(Math.abs(p.pdg())))
            .sorted(Comparator.comparingDouble(Particle::pt).reversed())
            .toList();
    if (index >= sel.size()) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "%s: event %d has %d final-state particles with |PDG id| in %s, but observable '%s' "
                  + "needs number %d",
              lhe,
              event,
              sel.size(),
              ids,
              s.name(),
              index + 1));
    }
    return sel.get(index);
  }

  static double value(Quantity q, Particle a, Particle b) {
    return switch (q) {
      case PT -> a.pt();
      case ETA -> eta(a.px(), a.py(), a.pz());
      case PHI -> Math.atan2(a.py(), a.px());
      case M -> mass(a.e(), a.px(), a.py(), a.pz());
      case E -> a.e();
      case PT_PAIR -> Math.hypot(a.px() + b.px(), a.py() + b.py());
      case M_PAIR -> mass(a.e() + b.e(), a.px() + b.px(), a.py() + b.py(), a.pz() + b.pz());
      case DELTA_PHI -> {
        double d = Math.abs(Math.atan2(a.py(), a.px()) - Math.atan2(b.py(), b.px()));
        yield d > Math.PI ? 2 * Math.PI - d : d;
      }
      case DELTA_ETA -> Math.abs(eta(a.px(), a.py(), a.pz()) - eta(b.px(), b.py(), b.pz()));
    };
  }

  private static double eta(double px, double py, double pz) {
    double pt = Math.hypot(px, py);
    return pt == 0 ? Double.NaN : asinh(pz / pt);
  }

  private static double asinh(double v) {
    return Math.signum(v) * Math.log(Math.abs(v) + Math.sqrt(v * v + 1));
  }

  private static double mass(double e, double px, double py, double pz) {
    double m2 = e * e - px * px - py * py - pz * pz;
    return Math.sqrt(Math.max(m2, 0));
  }
}
