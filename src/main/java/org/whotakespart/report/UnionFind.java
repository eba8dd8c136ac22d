package org.whotakespart.report;

/** Sets of counts joined by lines: each count's set is named by one representative. */
final class UnionFind {
  private final int[] parent;

  UnionFind(int n) {
    parent = new int[n];
    for (int i = 0; i < n; i++) {
      parent[i] = i;
    }
  }

  /** The representative of {@code c}'s set. */
  int find(int c) {
    while (parent[c] != c) {
      parent[c] = parent[parent[c]];
      c = parent[c];
    }
    return c;
  }

  /** Joins the sets of {@code a} and {@code b}. */
  void union(int a, int b) {
    parent[find(a)] = find(b);
  }
}
