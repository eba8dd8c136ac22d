package org.whotakespart.report;

import java.util.List;

/**
 * What happened to the rows of one input file: rows read = accepted + quarantined + duplicates.
 *
 * @param sha256 the file's SHA-256 in hex, so a reader can tell exactly which export was used (""
 *     for an empty file)
 * @param empty the file had no header row at all (reported, not fatal)
 * @param ignoredColumns columns the contract does not know, which the run ignored
 */
public record FileReconciliation(
    String file,
    long bytes,
    String sha256,
    boolean empty,
    List<String> ignoredColumns,
    long read,
    long accepted,
    long quarantined,
    long duplicates) {

  public boolean balances() {
    return read == accepted + quarantined + duplicates;
  }
}
