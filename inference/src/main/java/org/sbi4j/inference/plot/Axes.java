package org.sbi4j.inference.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;

/** Maps data coordinates to the plot area and draws the frame, ticks and labels. */
final class Axes {
  final Rectangle2D area;
  final double[] bx;
  final double[] by;

  Axes(Rectangle2D area, double[] bx, double[] by) {
    this.area = area;
    this.bx = bx;
    this.by = by;
  }

  double px(double x) {
    return area.getMinX() + (x - bx[0]) / (bx[1] - bx[0]) * area.getWidth();
  }

  double py(double y) {
    return area.getMaxY() - (y - by[0]) / (by[1] - by[0]) * area.getHeight();
  }

  /** About {@code n} round tick positions covering [lo, hi]. */
  static double[] ticks(double lo, double hi, int n) {
    double raw = (hi - lo) / n;
    double mag = Math.pow(10, Math.floor(Math.log10(raw)));
    double step = mag;
    for (double m : new double[] {1, 2, 2.5, 5, 10}) {
      if (m * mag >= raw) {
        step = m * mag;
        break;
      }
    }
    double first = Math.ceil(lo / step - 1e-9) * step;
    int count = (int) Math.floor((hi - first) / step + 1e-9) + 1;
    double[] out = new double[Math.max(count, 0)];
    for (int k = 0; k < out.length; k++) {
      out[k] = first + k * step;
      if (Math.abs(out[k]) < 1e-12 * step) {
        out[k] = 0;
      }
    }
    return out;
  }

  void drawFrame(Graphics2D g, String title, String xLabel, String yLabel, boolean logY) {
    g.setColor(Color.BLACK);
    g.setStroke(new BasicStroke(1f));
    g.draw(area);
    var fm = g.getFontMetrics();
    for (double t : ticks(bx[0], bx[1], 7)) {
      double x = px(t);
      g.draw(new Line2D.Double(x, area.getMaxY(), x, area.getMaxY() - 6));
      String s = Figure.format(t);
      g.drawString(s, (float) (x - fm.stringWidth(s) / 2.0), (float) (area.getMaxY() + 18));
    }
    for (double t : ticks(by[0], by[1], 6)) {
      double y = py(t);
      g.draw(new Line2D.Double(area.getMinX(), y, area.getMinX() + 6, y));
      String s = logY ? "1e" + Figure.format(t) : Figure.format(t);
      g.drawString(s, (float) (area.getMinX() - 8 - fm.stringWidth(s)), (float) (y + 5));
    }
    if (xLabel != null) {
      g.drawString(
          xLabel,
          (float) (area.getCenterX() - fm.stringWidth(xLabel) / 2.0),
          (float) (area.getMaxY() + 42));
    }
    if (yLabel != null) {
      AffineTransform old = g.getTransform();
      g.translate(area.getMinX() - 60, area.getCenterY() + fm.stringWidth(yLabel) / 2.0);
      g.rotate(-Math.PI / 2);
      g.drawString(yLabel, 0f, 0f);
      g.setTransform(old);
    }
    if (title != null) {
      Font f = g.getFont();
      g.setFont(f.deriveFont(Font.BOLD, 15f));
      g.drawString(
          title,
          (float) (area.getCenterX() - g.getFontMetrics().stringWidth(title) / 2.0),
          (float) (area.getMinY() - 14));
      g.setFont(f);
    }
  }
}
