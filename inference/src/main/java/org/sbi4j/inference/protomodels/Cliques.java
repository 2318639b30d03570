package org.sbi4j.inference.protomodels;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.jgrapht.alg.clique.PivotBronKerboschCliqueFinder;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.SimpleGraph;

/**
 * The maximal cliques of the combinability graph (docs/math.md §9.4): the largest sets of mutually
 * combinable analyses, found by Bron–Kerbosch with pivoting (JGraphT's implementation).
 */
public final class Cliques {
  private Cliques() {}

  /**
   * Every maximal clique of the graph with adjacency {@code adjacent} (symmetric, diagonal
   * ignored), each as ascending vertex indices; the list sorted by size (largest first), then
   * lexicographically. An isolated vertex is a clique of its own.
   */
  public static List<int[]> maximal(boolean[][] adjacent) {
    int n = adjacent.length;
    SimpleGraph<Integer, DefaultEdge> graph = new SimpleGraph<>(DefaultEdge.class);
    for (int v = 0; v < n; v++) {
      graph.addVertex(v);
    }
    for (int a = 0; a < n; a++) {
      for (int b = a + 1; b < n; b++) {
        if (adjacent[a][b]) {
          graph.addEdge(a, b);
        }
      }
    }
    List<int[]> out = new ArrayList<>();
    for (Set<Integer> clique : new PivotBronKerboschCliqueFinder<>(graph)) {
      int[] c = clique.stream().mapToInt(Integer::intValue).sorted().toArray();
      out.add(c);
    }
    out.sort(Comparator.<int[]>comparingInt(c -> -c.length).thenComparing(Arrays::compare));
    return out;
  }

  /** The maximal cliques of a database's combinability graph. */
  public static List<int[]> of(Database db) {
    int n = db.analyses().size();
    boolean[][] adj = new boolean[n][n];
    for (int a = 0; a < n; a++) {
      for (int b = 0; b < n; b++) {
        adj[a][b] = db.combinable(a, b);
      }
    }
    return maximal(adj);
  }
}
