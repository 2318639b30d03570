package org.sbi4j.inference.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.geom.Rectangle2D;

/** The viridis colour map (perceptually uniform) and its colour bar. */
final class ColorMap {
  private static final int[] ANCHORS = {
    0x440154, 0x482878, 0x3e4989, 0x31688e, 0x26828e, 0x1f9e89, 0x35b779, 0x6ece58, 0xb5de2b,
    0xfde725
  };

  private ColorMap() {}

  /** Colour of u ∈ [0, 1], linear between the anchors. */
  static Color viridis(double u) {
    double t = Math.max(0, Math.min(1, u)) * (ANCHORS.length - 1);
    int k = Math.min((int) t, ANCHORS.length - 2);
    double f = t - k;
    int a = ANCHORS[k];
    int b = ANCHORS[k + 1];
    return new Color(mix(a >> 16, b >> 16, f), mix(a >> 8, b >> 8, f), mix(a, b, f));
  }

  private static int mix(int a, int b, double f) {
    return (int) Math.round((a & 0xff) * (1 - f) + (b & 0xff) * f);
  }

  static void drawBar(Graphics2D g, Rectangle2D area, double lo, double hi, String label) {
    double x = area.getMaxX() + 15;
    double w = 18;
    int steps = 100;
    double h = area.getHeight() / steps;
    for (int k = 0; k < steps; k++) {
      g.setColor(viridis((k + 0.5) / steps));
      g.fill(new Rectangle2D.Double(x, area.getMaxY() - (k + 1) * h, w, h + 0.6));
    }
    g.setColor(Color.BLACK);
    g.setStroke(new BasicStroke(1f));
    g.draw(new Rectangle2D.Double(x, area.getMinY(), w, area.getHeight()));
    for (double t : Axes.ticks(lo, hi, 5)) {
      double y = area.getMaxY() - (t - lo) / (hi - lo) * area.getHeight();
      g.drawString(Figure.format(t), (float) (x + w + 4), (float) (y + 5));
    }
    if (label != null) {
      AffineTransform old = g.getTransform();
      g.translate(x + w + 62, area.getCenterY() + g.getFontMetrics().stringWidth(label) / 2.0);
      g.rotate(-Math.PI / 2);
      g.drawString(label, 0f, 0f);
      g.setTransform(old);
    }
  }

  /**
   * Draws z over the grid (xs, ys) as coloured cells under everything else, with its colour bar;
   * non-finite cells stay blank.
   */
  static void drawHeatMap(
      Graphics2D g, Axes a, double[] xs, double[] ys, double[][] z, String label) {
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (double[] row : z) {
      for (double v : row) {
        if (Double.isFinite(v)) {
          lo = Math.min(lo, v);
          hi = Math.max(hi, v);
        }
      }
    }
    if (!Double.isFinite(lo)) {
      return;
    }
    if (hi <= lo) {
      hi = lo + 1;
    }
    for (int i = 0; i < xs.length; i++) {
      double x0 = i == 0 ? xs[0] : 0.5 * (xs[i - 1] + xs[i]);
      double x1 = i == xs.length - 1 ? xs[i] : 0.5 * (xs[i] + xs[i + 1]);
      for (int j = 0; j < ys.length; j++) {
        double v = z[i][j];
        if (!Double.isFinite(v)) {
          continue;
        }
        double y0 = j == 0 ? ys[0] : 0.5 * (ys[j - 1] + ys[j]);
        double y1 = j == ys.length - 1 ? ys[j] : 0.5 * (ys[j] + ys[j + 1]);
        g.setColor(ColorMap.viridis((v - lo) / (hi - lo)));
        double px0 = a.px(x0);
        double py1 = a.py(y1);
        g.fill(new Rectangle2D.Double(px0, py1, a.px(x1) - px0 + 0.6, a.py(y0) - py1 + 0.6));
      }
    }
    ColorMap.drawBar(g, a.area, lo, hi, label);
  }
}
