package org.sbi4j.inference.plot;

import de.erichseifert.vectorgraphics2d.Processors;
import de.erichseifert.vectorgraphics2d.VectorGraphics2D;
import de.erichseifert.vectorgraphics2d.util.PageSize;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.sbi4j.common.AtomicFiles;
import org.sbi4j.common.Provenance;
import org.sbi4j.inference.plot.SeriesPainter.Kind;
import org.sbi4j.inference.plot.SeriesPainter.Series;

/**
 * A two-dimensional plot: lines, markers, step histograms, vertical lines, a heat map with a colour
 * bar, and contour lines; drawn once with Java2D and saved as PNG and SVG.
 */
public final class Figure {
  private static final int WIDTH = 800;
  private static final int HEIGHT = 600;
  private static final Color[] PALETTE = {
    new Color(0x1f77b4),
    new Color(0xd62728),
    new Color(0x2ca02c),
    new Color(0xff7f0e),
    new Color(0x9467bd),
    new Color(0x8c564b),
    new Color(0xe377c2),
    new Color(0x17becf)
  };

  private record HeatMap(double[] xs, double[] ys, double[][] z, String label) {}

  private final String title;
  private final String xLabel;
  private final String yLabel;
  private final List<Series> series = new ArrayList<>();
  private HeatMap heatMap;
  private boolean logY;
  private double[] xRange;
  private double[] yRange;

  public Figure(String title, String xLabel, String yLabel) {
    this.title = title;
    this.xLabel = xLabel;
    this.yLabel = yLabel;
  }

  private Color next() {
    return PALETTE[series.size() % PALETTE.length];
  }

  /** A solid polyline through (x[i], y[i]); non-finite points break the line. */
  public Figure line(String label, double[] x, double[] y) {
    series.add(new Series(Kind.LINE, label, x.clone(), y.clone(), next()));
    return this;
  }

  /** A dashed polyline. */
  public Figure dashed(String label, double[] x, double[] y) {
    series.add(new Series(Kind.DASHED, label, x.clone(), y.clone(), next()));
    return this;
  }

  /** Markers at (x[i], y[i]). */
  public Figure points(String label, double[] x, double[] y) {
    series.add(new Series(Kind.POINTS, label, x.clone(), y.clone(), next()));
    return this;
  }

  /** Vertical error bars y[i] ± err[i] at x[i], in the colour of the series added last. */
  public Figure errorBars(double[] x, double[] y, double[] err) {
    Color c = series.isEmpty() ? next() : series.get(series.size() - 1).color();
    double[] sx = new double[2 * x.length];
    double[] sy = new double[2 * x.length];
    for (int i = 0; i < x.length; i++) {
      sx[2 * i] = x[i];
      sx[2 * i + 1] = x[i];
      sy[2 * i] = y[i] - err[i];
      sy[2 * i + 1] = y[i] + err[i];
    }
    series.add(new Series(Kind.SEGMENTS, "", sx, sy, c));
    return this;
  }

  /**
   * A shaded band between lo[k] and hi[k] over each bin [edges[k], edges[k+1]] (a histogram's
   * uncertainty), translucent, in the colour of the series added last.
   */
  public Figure histogramBand(double[] edges, double[] lo, double[] hi) {
    if (edges.length != lo.length + 1 || lo.length != hi.length) {
      throw new IllegalArgumentException("a band needs one more edge than bins, lo and hi alike");
    }
    Color c = series.isEmpty() ? next() : series.get(series.size() - 1).color();
    double[] y = new double[2 * lo.length];
    System.arraycopy(lo, 0, y, 0, lo.length);
    System.arraycopy(hi, 0, y, lo.length, hi.length);
    series.add(new Series(Kind.BAND, "", edges.clone(), y, c));
    return this;
  }

  /** A step histogram: counts[k] between edges[k] and edges[k+1]. */
  public Figure histogram(String label, double[] edges, double[] counts) {
    if (edges.length != counts.length + 1) {
      throw new IllegalArgumentException("a histogram needs one more edge than counts");
    }
    series.add(new Series(Kind.STEP, label, edges.clone(), counts.clone(), next()));
    return this;
  }

  /** A vertical line at x. */
  public Figure verticalLine(String label, double x) {
    series.add(new Series(Kind.VLINE, label, new double[] {x}, new double[0], next()));
    return this;
  }

  /**
   * A colour map of z over a grid, drawn under everything else.
   *
   * @param xs grid x coordinates, increasing
   * @param ys grid y coordinates, increasing
   * @param z values z[ix][iy]; non-finite cells are left blank
   */
  public Figure heatMap(double[] xs, double[] ys, double[][] z, String colorLabel) {
    heatMap = new HeatMap(xs.clone(), ys.clone(), z.clone(), colorLabel);
    return this;
  }

  /** The contour z = level of a grid function (marching squares), as one legend entry. */
  public Figure contour(String label, double[] xs, double[] ys, double[][] z, double level) {
    List<double[]> segs = Contours.segments(xs, ys, z, level);
    double[] x = new double[segs.size() * 2];
    double[] y = new double[segs.size() * 2];
    for (int k = 0; k < segs.size(); k++) {
      double[] s = segs.get(k);
      x[2 * k] = s[0];
      y[2 * k] = s[1];
      x[2 * k + 1] = s[2];
      y[2 * k + 1] = s[3];
    }
    series.add(new Series(Kind.SEGMENTS, label, x, y, next()));
    return this;
  }

  /** Logarithmic y axis (non-positive values are not drawn). */
  public Figure logY(boolean on) {
    this.logY = on;
    return this;
  }

  /** Fixes the x range instead of fitting it to the data. */
  public Figure xRange(double min, double max) {
    xRange = new double[] {min, max};
    return this;
  }

  /** Fixes the y range instead of fitting it to the data. */
  public Figure yRange(double min, double max) {
    yRange = new double[] {min, max};
    return this;
  }

  /**
   * Writes {@code prefix.png} and {@code prefix.svg}, each atomically, with the run's provenance
   * ({@link PlotProvenance}).
   */
  public void save(Path prefix) {
    String base = prefix.toString();
    Provenance p = Provenance.current();
    AtomicFiles.write(Path.of(base + ".png"), PlotProvenance.png(png(), p));
    ByteArrayOutputStream svg = new ByteArrayOutputStream();
    try {
      writeSvg(svg);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    AtomicFiles.writeString(
        Path.of(base + ".svg"), PlotProvenance.svg(svg.toString(StandardCharsets.UTF_8), p));
  }

  /** The PNG image as bytes. */
  public byte[] png() {
    BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(
        RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    draw(g);
    g.dispose();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "png", bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  private void writeSvg(OutputStream out) throws IOException {
    VectorGraphics2D g = new VectorGraphics2D();
    draw(g);
    Processors.get("svg")
        .getDocument(g.getCommands(), new PageSize(0, 0, WIDTH, HEIGHT))
        .writeTo(out);
  }

  private double ty(double y) {
    return SeriesPainter.ty(y, logY);
  }

  private double[] bounds(boolean xAxis) {
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    if (heatMap != null) {
      double[] c = xAxis ? heatMap.xs : heatMap.ys;
      lo = c[0];
      hi = c[c.length - 1];
    }
    for (Series s : series) {
      double[] v = xAxis ? s.x() : s.y();
      if (!xAxis && s.kind() == Kind.VLINE) {
        continue;
      }
      for (double a : v) {
        double t = xAxis ? a : ty(a);
        if (Double.isFinite(t)) {
          lo = Math.min(lo, t);
          hi = Math.max(hi, t);
        }
      }
    }
    if (!Double.isFinite(lo)) {
      return new double[] {0, 1};
    }
    if (hi - lo < 1e-12 * Math.max(1, Math.abs(hi))) {
      return new double[] {lo - 0.5, hi + 0.5};
    }
    double pad = heatMap != null ? 0 : 0.04 * (hi - lo);
    return new double[] {lo - pad, hi + pad};
  }

  private void draw(Graphics2D g) {
    double[] bx = xRange != null ? xRange : bounds(true);
    double[] by = yRange != null ? new double[] {ty(yRange[0]), ty(yRange[1])} : bounds(false);
    int left = 80;
    int right = heatMap != null ? 110 : 25;
    int top = 40;
    int bottom = 60;
    Rectangle2D area =
        new Rectangle2D.Double(left, top, WIDTH - left - right, HEIGHT - top - bottom);
    Axes axes = new Axes(area, bx, by);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, WIDTH, HEIGHT);
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
    if (heatMap != null) {
      ColorMap.drawHeatMap(g, axes, heatMap.xs, heatMap.ys, heatMap.z, heatMap.label);
    }
    java.awt.Shape oldClip = g.getClip();
    g.setClip(area);
    SeriesPainter painter = new SeriesPainter(logY, heatMap != null);
    for (Series s : series) {
      if (s.kind() != Kind.POINTS) {
        painter.drawSeries(g, axes, s);
      }
    }
    g.setClip(oldClip);
    for (Series s : series) {
      if (s.kind() == Kind.POINTS) {
        painter.drawSeries(g, axes, s);
      }
    }
    axes.drawFrame(g, title, xLabel, yLabel, logY);
    painter.drawLegend(g, area, series);
  }

  static String format(double v) {
    if (v == 0) {
      return "0";
    }
    double a = Math.abs(v);
    if (a >= 1e4 || a < 1e-3) {
      return String.format(Locale.ROOT, "%.2g", v);
    }
    String s = String.format(Locale.ROOT, "%.4f", v);
    s = s.replaceAll("0+$", "");
    return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
  }
}
