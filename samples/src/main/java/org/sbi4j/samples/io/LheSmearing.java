package org.sbi4j.samples.io;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;

/**
 * Gaussian smearing of final-state particles (docs/math.md §11): the energy E' ~ N(E, σ_E) or the
 * transverse momentum pT' ~ N(pT, σ_pT) with σ = absolute + relative × value, the other one
 * following so that the mass and the direction (η, φ) stay the same.
 */
final class LheSmearing {
  private LheSmearing() {}

  /** One rule: particles whose |PDG id| is in {@code ids}, smeared in E or in pT. */
  record Rule(Set<Integer> ids, boolean energy, double absolute, double relative) {
    double sigma(double value) {
      return absolute + relative * value;
    }
  }

  /** Checks the config's entries. */
  static List<Rule> rules(List<LheMapping.Smearing> entries) {
    List<Rule> out = new ArrayList<>();
    if (entries == null) {
      return out;
    }
    for (int k = 0; k < entries.size(); k++) {
      LheMapping.Smearing s = entries.get(k);
      String what = "smearing entry " + (k + 1);
      if (s.particles() == null || s.particles().isEmpty()) {
        throw new IllegalArgumentException(
            what + " needs a non-empty 'particles' list of |PDG ids|");
      }
      if ((s.energy() == null) == (s.pt() == null)) {
        throw new IllegalArgumentException(
            what + " needs exactly one of 'energy' and 'pt' (the other follows at fixed mass)");
      }
      LheMapping.Resolution r = s.energy() != null ? s.energy() : s.pt();
      double abs = nonNegative(what, "absolute", r.absolute());
      double rel = nonNegative(what, "relative", r.relative());
      out.add(new Rule(Set.copyOf(s.particles()), s.energy() != null, abs, rel));
    }
    return out;
  }

  private static double nonNegative(String what, String key, Double v) {
    if (v == null) {
      return 0;
    }
    if (!(v >= 0) || Double.isInfinite(v)) {
      throw new IllegalArgumentException(
          what + ": '" + key + "' is " + v + "; a resolution must be a finite number ≥ 0");
    }
    return v;
  }

  /** The particles with every final-state particle a rule names smeared (first matching rule). */
  static List<LheParticle> apply(
      List<LheParticle> particles, List<Rule> rules, ContinuousSampler gauss) {
    if (rules.isEmpty()) {
      return particles;
    }
    List<LheParticle> out = new ArrayList<>(particles.size());
    for (LheParticle p : particles) {
      Rule rule = null;
      if (p.status() == 1) {
        for (Rule r : rules) {
          if (r.ids().contains(Math.abs(p.pdg()))) {
            rule = r;
            break;
          }
        }
      }
      out.add(rule == null ? p : smear(p, rule, gauss.sample()));
    }
    return out;
  }

  /** {@code p} smeared by {@code z} standard deviations of {@code rule}. */
  static LheParticle smear(LheParticle p, Rule rule, double z) {
    double m = p.m();
    double pabs = Math.sqrt(p.px() * p.px() + p.py() * p.py() + p.pz() * p.pz());
    if (pabs == 0) {
      return p;
    }
    double newP;
    if (rule.energy()) {
      double e = Math.max(p.e() + rule.sigma(p.e()) * z, m);
      newP = Math.sqrt(Math.max(e * e - m * m, 0));
    } else {
      double pt = p.pt();
      double newPt = Math.max(pt + rule.sigma(pt) * z, 0);
      newP = pt == 0 ? pabs : pabs * newPt / pt;
    }
    double f = newP / pabs;
    return new LheParticle(
        p.pdg(), p.status(), p.px() * f, p.py() * f, p.pz() * f, Math.sqrt(m * m + newP * newP));
  }
}
