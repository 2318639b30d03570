package org.sbi4j.inference.plot;

import java.util.ArrayList;
import java.util.List;

/**
 * Contour lines of a function sampled on a rectangular grid, by marching squares with linear
 * interpolation along cell edges (Lorensen and Cline's idea in two dimensions). Saddle cells are
 * resolved with the cell-centre average.
 */
public final class Contours {
  private Contours() {}

  /**
   * Segments of the level set z = level.
   *
   * @param xs grid x coordinates, increasing (length nx ≥ 2)
   * @param ys grid y coordinates, increasing (length ny ≥ 2)
   * @param z values, z[ix][iy]
   * @return segments as {x1, y1, x2, y2}
   */
  public static List<double[]> segments(double[] xs, double[] ys, double[][] z, double level) {
    if (xs.length < 2 || ys.length < 2 || z.length != xs.length) {
      throw new IllegalArgumentException(
          "contours need a grid of at least 2 × 2 points with "
              + "z[ix][iy] matching the coordinates");
    }
    List<double[]> out = new ArrayList<>();
    for (int i = 0; i + 1 < xs.length; i++) {
      for (int j = 0; j + 1 < ys.length; j++) {
        cell(xs, ys, z, level, i, j, out);
      }
    }
    return out;
  }

  private static void cell(
      double[] xs, double[] ys, double[][] z, double level, int i, int j, List<double[]> out) {
    // corners counter-clockwise: 0 (i,j), 1 (i+1,j), 2 (i+1,j+1), 3 (i,j+1)
    double[] v = {z[i][j], z[i + 1][j], z[i + 1][j + 1], z[i][j + 1]};
    double[] cx = {xs[i], xs[i + 1], xs[i + 1], xs[i]};
    double[] cy = {ys[j], ys[j], ys[j + 1], ys[j + 1]};
    for (double value : v) {
      if (!Double.isFinite(value)) {
        return;
      }
    }
    int code = 0;
    for (int k = 0; k < 4; k++) {
      if (v[k] > level) {
        code |= 1 << k;
      }
    }
    if (code == 0 || code == 15) {
      return;
    }
    // edge e joins corner e and corner (e+1)%4; crossing points on edges whose corners differ
    double[][] p = new double[4][];
    for (int e = 0; e < 4; e++) {
      int a = e;
      int b = (e + 1) % 4;
      if ((v[a] > level) != (v[b] > level)) {
        double t = (level - v[a]) / (v[b] - v[a]);
        p[e] = new double[] {cx[a] + t * (cx[b] - cx[a]), cy[a] + t * (cy[b] - cy[a])};
      }
    }
    List<Integer> edges = new ArrayList<>();
    for (int e = 0; e < 4; e++) {
      if (p[e] != null) {
        edges.add(e);
      }
    }
    if (edges.size() == 2) {
      out.add(
          new double[] {
            p[edges.get(0)][0], p[edges.get(0)][1], p[edges.get(1)][0], p[edges.get(1)][1]
          });
      return;
    }
    // saddle: four crossings; pair them according to the centre value
    double centre = (v[0] + v[1] + v[2] + v[3]) / 4;
    boolean centreAbove = centre > level;
    boolean corner0Above = v[0] > level;
    if (centreAbove == corner0Above) {
      out.add(new double[] {p[0][0], p[0][1], p[1][0], p[1][1]});
      out.add(new double[] {p[2][0], p[2][1], p[3][0], p[3][1]});
    } else {
      out.add(new double[] {p[3][0], p[3][1], p[0][0], p[0][1]});
      out.add(new double[] {p[1][0], p[1][1], p[2][0], p[2][1]});
    }
  }
}
