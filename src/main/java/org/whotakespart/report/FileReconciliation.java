package org.whotakespart.report;

import java.util.List;

/**
 * What happened to the rows of one input file: rows read = accepted + quarantined + duplicates.
 *
 * @param empty the file had no header row at all (reported, not fatal)
 * @param ignoredColumns columns the contract does not know, which the run ignored
 */
public record FileReconciliation(String file, long bytes, boolean empty, List<String> ignoredColumns,
    long read, long accepted, long quarantined, long duplicates) {

  public boolean balances() {
    return read == accepted + quarantined + duplicates;
  }
}
