package org.sbi4j.inference.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.List;

/** Draws {@link Figure}'s data series (lines, markers, steps, bands, segments) and its legend. */
final class SeriesPainter {
  enum Kind {
    LINE,
    DASHED,
    POINTS,
    STEP,
    VLINE,
    SEGMENTS,
    BAND
  }

  record Series(Kind kind, String label, double[] x, double[] y, Color color) {}

  private final boolean logY;
  private final boolean onHeatMap;

  /**
   * @param logY whether the y axis is logarithmic (non-positive y values are not drawn)
   * @param onHeatMap whether the series sit on a heat map (markers are then white)
   */
  SeriesPainter(boolean logY, boolean onHeatMap) {
    this.logY = logY;
    this.onHeatMap = onHeatMap;
  }

  /** The y value in axis units: log10 y on a logarithmic axis (NaN for y ≤ 0). */
  static double ty(double y, boolean logY) {
    return logY ? (y > 0 ? Math.log10(y) : Double.NaN) : y;
  }

  private double ty(double y) {
    return ty(y, logY);
  }

  void drawSeries(Graphics2D g, Axes a, Series s) {
    g.setColor(s.color);
    g.setStroke(
        s.kind == Kind.DASHED
            ? new BasicStroke(
                2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1f, new float[] {8f, 5f}, 0f)
            : new BasicStroke(2f));
    switch (s.kind) {
      case LINE, DASHED -> {
        Path2D path = new Path2D.Double();
        boolean pen = false;
        for (int i = 0; i < s.x.length; i++) {
          double y = ty(s.y[i]);
          if (!Double.isFinite(s.x[i]) || !Double.isFinite(y)) {
            pen = false;
            continue;
          }
          if (pen) {
            path.lineTo(a.px(s.x[i]), a.py(y));
          } else {
            path.moveTo(a.px(s.x[i]), a.py(y));
            pen = true;
          }
        }
        g.draw(path);
      }
      case POINTS -> {
        for (int i = 0; i < s.x.length; i++) {
          double y = ty(s.y[i]);
          if (Double.isFinite(s.x[i]) && Double.isFinite(y)) {
            var dot = new java.awt.geom.Ellipse2D.Double(a.px(s.x[i]) - 5, a.py(y) - 5, 10, 10);
            g.setColor(onHeatMap ? Color.WHITE : s.color);
            g.fill(dot);
            g.setColor(Color.BLACK);
            g.setStroke(new BasicStroke(1.2f));
            g.draw(dot);
          }
        }
      }
      case BAND -> {
        int n = s.x.length - 1;
        g.setColor(new Color(s.color.getRed(), s.color.getGreen(), s.color.getBlue(), 70));
        for (int k = 0; k < n; k++) {
          double lo = ty(s.y[k]);
          double hi = ty(s.y[n + k]);
          if (!Double.isFinite(lo) || !Double.isFinite(hi)) {
            continue;
          }
          double px0 = a.px(s.x[k]);
          double pyHi = a.py(hi);
          g.fill(new Rectangle2D.Double(px0, pyHi, a.px(s.x[k + 1]) - px0, a.py(lo) - pyHi));
        }
      }
      case STEP -> {
        Path2D path = new Path2D.Double();
        double base = a.by[0];
        path.moveTo(a.px(s.x[0]), a.py(base));
        for (int k = 0; k < s.y.length; k++) {
          double y = ty(s.y[k]);
          double yy = Double.isFinite(y) ? y : base;
          path.lineTo(a.px(s.x[k]), a.py(yy));
          path.lineTo(a.px(s.x[k + 1]), a.py(yy));
        }
        path.lineTo(a.px(s.x[s.x.length - 1]), a.py(base));
        g.draw(path);
      }
      case VLINE ->
          g.draw(
              new java.awt.geom.Line2D.Double(
                  a.px(s.x[0]), a.area.getMinY(), a.px(s.x[0]), a.area.getMaxY()));
      case SEGMENTS -> {
        for (int k = 0; k + 1 < s.x.length; k += 2) {
          g.draw(
              new java.awt.geom.Line2D.Double(
                  a.px(s.x[k]), a.py(ty(s.y[k])), a.px(s.x[k + 1]), a.py(ty(s.y[k + 1]))));
        }
      }
      default -> throw new IllegalStateException("unknown series kind " + s.kind);
    }
  }

  void drawLegend(Graphics2D g, Rectangle2D area, List<Series> series) {
    List<Series> labelled =
        series.stream().filter(s -> s.label != null && !s.label.isEmpty()).toList();
    if (labelled.isEmpty()) {
      return;
    }
    int lineHeight = 18;
    int w = 0;
    for (Series s : labelled) {
      w = Math.max(w, g.getFontMetrics().stringWidth(s.label));
    }
    double x = area.getMaxX() - w - 50;
    double y = area.getMinY() + 8;
    g.setColor(new Color(255, 255, 255, 220));
    g.fill(new Rectangle2D.Double(x - 6, y - 4, w + 50, labelled.size() * lineHeight + 6));
    for (Series s : labelled) {
      g.setColor(s.color);
      g.setStroke(new BasicStroke(2f));
      if (s.kind == Kind.POINTS) {
        g.fill(new java.awt.geom.Ellipse2D.Double(x + 10, y + 5, 8, 8));
      } else {
        g.draw(new java.awt.geom.Line2D.Double(x, y + 9, x + 28, y + 9));
      }
      g.setColor(Color.BLACK);
      g.drawString(s.label, (float) (x + 36), (float) (y + 14));
      y += lineHeight;
    }
  }
}
