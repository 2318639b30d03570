package org.sbi4j.inference.protomodels;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Maximal cliques against brute force over every vertex subset. */
class CliquesTest {
  @Test
  void randomGraphsMatchBruteForce() {
    Random rng = new Random(20);
    for (int trial = 0; trial < 300; trial++) {
      int n = 1 + rng.nextInt(10);
      double density = rng.nextDouble();
      boolean[][] adj = new boolean[n][n];
      for (int a = 0; a < n; a++) {
        for (int b = a + 1; b < n; b++) {
          adj[a][b] = adj[b][a] = rng.nextDouble() < density;
        }
      }
      List<String> expected = bruteForce(adj).stream().map(CliquesTest::key).sorted().toList();
      List<String> actual = Cliques.maximal(adj).stream().map(CliquesTest::key).sorted().toList();
      assertEquals(expected, actual, "graph " + trial);
    }
  }

  @Test
  void smallGraphsByHand() {
    // a path 0-1-2 and an isolated vertex 3: {0,1}, {1,2}, {3}
    boolean[][] adj = new boolean[4][4];
    adj[0][1] = adj[1][0] = true;
    adj[1][2] = adj[2][1] = true;
    assertEquals(
        List.of("0,1", "1,2", "3"), Cliques.maximal(adj).stream().map(CliquesTest::key).toList());
    // the complete graph on 4 vertices is one clique
    boolean[][] full = new boolean[4][4];
    for (int a = 0; a < 4; a++) {
      for (int b = 0; b < 4; b++) {
        full[a][b] = a != b;
      }
    }
    assertEquals(List.of("0,1,2,3"), Cliques.maximal(full).stream().map(CliquesTest::key).toList());
  }

  @Test
  void toyDatabaseHasSixteenCombinations() {
    // A09 with one side of each of four conflicts: {A01, A02} or {A08}, A03 or A10, A04 or A07,
    // A05 or A06: 2⁴ = 16 combinations of 6 analyses (with A01, A02) or 5 (with A08)
    List<int[]> cliques = Cliques.of(ToyDatabase.template());
    assertEquals(16, cliques.size());
    for (int[] c : cliques) {
      assertEquals(c[0] == 0 ? 6 : 5, c.length, key(c));
    }
  }

  private static List<int[]> bruteForce(boolean[][] adj) {
    int n = adj.length;
    List<Integer> cliques = new ArrayList<>();
    for (int mask = 1; mask < 1 << n; mask++) {
      if (isClique(adj, mask)) {
        cliques.add(mask);
      }
    }
    List<int[]> out = new ArrayList<>();
    for (int c : cliques) {
      boolean maximal = true;
      for (int v = 0; v < n && maximal; v++) {
        if ((c & 1 << v) == 0 && isClique(adj, c | 1 << v)) {
          maximal = false;
        }
      }
      if (maximal) {
        int[] vs = new int[Integer.bitCount(c)];
        int k = 0;
        for (int v = 0; v < n; v++) {
          if ((c & 1 << v) != 0) {
            vs[k++] = v;
          }
        }
        out.add(vs);
      }
    }
    return out;
  }

  private static boolean isClique(boolean[][] adj, int mask) {
    for (int a = 0; a < adj.length; a++) {
      for (int b = a + 1; b < adj.length; b++) {
        if ((mask & 1 << a) != 0 && (mask & 1 << b) != 0 && !adj[a][b]) {
          return false;
        }
      }
    }
    return true;
  }

  private static String key(int[] c) {
    StringBuilder b = new StringBuilder();
    for (int v : c) {
      b.append(b.length() == 0 ? "" : ",").append(v);
    }
    return b.toString();
  }
}
