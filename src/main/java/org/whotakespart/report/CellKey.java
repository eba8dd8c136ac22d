package org.whotakespart.report;

/**
 * One cell of a board's suppression table, as a map key: a scope (a project's id, the rollup's, or
 * a past quarter's), a characteristic's code and a column (a category, "known", "known" and a
 * count, "unknown", or "" for the scope's people).
 */
record CellKey(String scope, String characteristic, String column) {
  static CellKey key(String scope, String characteristic, String column) {
    return new CellKey(scope, characteristic, column);
  }
}
