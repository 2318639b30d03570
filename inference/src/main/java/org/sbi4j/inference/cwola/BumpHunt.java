package org.sbi4j.inference.cwola;

import java.util.Arrays;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.sbi4j.common.InvalidValueException;

/**
 * The bump hunt of the resonant variable m (docs/math.md §5.10): m is binned (the signal region in
 * {@code signalRegionBins} bins, each sideband in bins of about the same width); the background is
 * dN/dm = exp(p₀ + p₁u + p₂u²) with u the bin centre mapped to [−1, 1] over the window, times the
 * bin width. The signal-region count N is compared with the background by the profile likelihood
 * ratio q₀ = 2[ℓ(ŝ, p̂) − ℓ(0, p̂̂)] where the alternative adds a free s to the signal-region total
 * (so p̂ is the sideband-only fit and ŝ = N − B(p̂)) and the null fits p to the sideband bins and
 * the signal-region total together; Z = sign(ŝ)·√q₀ and the local p-value 1 − Φ(Z).
 *
 * @param observed N, events in the signal region
 * @param background B, the signal-region background predicted by the sideband fit
 * @param q0 the profile-likelihood-ratio statistic
 * @param z the signed local significance
 * @param pValue the local p-value 1 − Φ(Z)
 */
public record BumpHunt(int observed, double background, double q0, double z, double pValue) {
  private static final NormalDistribution NORMAL = NormalDistribution.of(0, 1);

  /** The bump hunt of the events {@code m} (events outside the window are ignored). */
  public static BumpHunt of(double[] m, CwolaConfig c) {
    double w = (c.srHigh() - c.srLow()) / c.signalRegionBins();
    int nl = Math.max(1, (int) Math.round((c.srLow() - c.low()) / w));
    int nr = Math.max(1, (int) Math.round((c.high() - c.srHigh()) / w));
    if (nl + nr < 3) {
      throw new InvalidValueException(
          "sidebands",
          "the sidebands are too narrow for the background fit: widen them to at least three "
              + "signal-region bin widths in all");
    }
    int nb = nl + c.signalRegionBins() + nr;
    double[] edges = new double[nb + 1];
    for (int i = 0; i <= nl; i++) {
      edges[i] = c.low() + (c.srLow() - c.low()) * i / nl;
    }
    for (int i = 1; i <= c.signalRegionBins(); i++) {
      edges[nl + i] = c.srLow() + w * i;
    }
    for (int i = 1; i <= nr; i++) {
      edges[nl + c.signalRegionBins() + i] = c.srHigh() + (c.high() - c.srHigh()) * i / nr;
    }
    edges[nb] = c.high();
    double[] counts = new double[nb];
    for (double v : m) {
      if (!c.inWindow(v)) {
        continue;
      }
      int k = Arrays.binarySearch(edges, v);
      int bin = k >= 0 ? Math.min(k, nb - 1) : -k - 2;
      counts[Math.max(0, Math.min(nb - 1, bin))]++;
    }
    double[][] design = new double[nb][];
    double[] logWidth = new double[nb];
    double mid = 0.5 * (c.low() + c.high());
    double half = 0.5 * (c.high() - c.low());
    for (int b = 0; b < nb; b++) {
      double u = (0.5 * (edges[b] + edges[b + 1]) - mid) / half;
      design[b] = new double[] {1, u, u * u};
      logWidth[b] = Math.log(edges[b + 1] - edges[b]);
    }
    int[] sr = new int[c.signalRegionBins()];
    for (int i = 0; i < sr.length; i++) {
      sr[i] = nl + i;
    }
    int[][] sideGroups = new int[nl + nr][];
    for (int i = 0, g = 0; i < nb; i++) {
      if (i < nl || i >= nl + sr.length) {
        sideGroups[g++] = new int[] {i};
      }
    }
    int[][] nullGroups = Arrays.copyOf(sideGroups, sideGroups.length + 1);
    nullGroups[sideGroups.length] = sr;
    PoissonFit fit = new PoissonFit(design, logWidth, counts);
    double[] pSide = fit.maximize(sideGroups);
    double[] pNull = fit.maximize(nullGroups);
    double n = 0;
    for (int b : sr) {
      n += counts[b];
    }
    double bkg = fit.groupMean(pSide, sr);
    double altSr = n > 0 ? n * Math.log(n) - n : 0;
    double q0 =
        Math.max(
            0,
            2
                * (fit.logLikelihood(pSide, sideGroups)
                    + altSr
                    - fit.logLikelihood(pNull, nullGroups)));
    double z = Math.signum(n - bkg) * Math.sqrt(q0);
    return new BumpHunt((int) n, bkg, q0, z, NORMAL.survivalProbability(z));
  }
}
