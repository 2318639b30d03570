package org.sbi4j.inference.protomodels;

/** Lookup on an increasing grid. */
final class Grid {
  private Grid() {}

  /**
   * The index k with grid[k] ≤ x ≤ grid[k + 1] (the last segment for x = grid[last]); −1 outside.
   */
  static int segment(double[] grid, double x) {
    int last = grid.length - 1;
    if (!(x >= grid[0]) || !(x <= grid[last])) {
      return -1;
    }
    int lo = 0;
    int hi = last;
    while (hi - lo > 1) {
      int mid = (lo + hi) >>> 1;
      if (grid[mid] <= x) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    return lo;
  }
}
