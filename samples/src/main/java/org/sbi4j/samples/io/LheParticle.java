package org.sbi4j.samples.io;

/**
 * A particle of an LHE event as import expressions see it (docs/math.md §11): {@code j[0].pt},
 * {@code l[1].eta}, {@code met.pt}. The getters are what the expression language calls for a
 * property ({@code .pt} → {@link #getPt()}); energies and momenta in GeV.
 *
 * @param pdg PDG id
 * @param status LHE status (1 = final state)
 * @param px momentum x
 * @param py momentum y
 * @param pz momentum z (along the beam)
 * @param e energy
 */
public record LheParticle(int pdg, int status, double px, double py, double pz, double e) {
  /** Transverse momentum √(px² + py²). */
  public double pt() {
    return Math.hypot(px, py);
  }

  /** Pseudorapidity asinh(pz / pT); NaN along the beam (pT = 0). */
  public double eta() {
    double pt = pt();
    return pt == 0 ? Double.NaN : asinh(pz / pt);
  }

  /** Azimuth atan2(py, px) in (−π, π]. */
  public double phi() {
    return Math.atan2(py, px);
  }

  /** Mass √max(E² − |p|², 0). */
  public double m() {
    return Math.sqrt(Math.max(e * e - px * px - py * py - pz * pz, 0));
  }

  /** The four-momentum sum of this particle and {@code o} (PDG id 0, status 1). */
  public LheParticle plus(LheParticle o) {
    return new LheParticle(0, 1, px + o.px, py + o.py, pz + o.pz, e + o.e);
  }

  public double getPt() {
    return pt();
  }

  public double getEta() {
    return eta();
  }

  public double getPhi() {
    return phi();
  }

  public double getM() {
    return m();
  }

  public double getE() {
    return e;
  }

  public double getPx() {
    return px;
  }

  public double getPy() {
    return py;
  }

  public double getPz() {
    return pz;
  }

  public int getPdg() {
    return pdg;
  }

  static double asinh(double v) {
    return Math.signum(v) * Math.log(Math.abs(v) + Math.sqrt(v * v + 1));
  }
}
