package org.whotakespart.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;

/**
 * What one of our commits to the store says of itself, kept as Delta's {@code userMetadata} (JSON,
 * readable by any Delta client): what it did, the files it read, and the reconciliation of every
 * file whose records the table holds after it, so that a report of any version shows each file as
 * it was when ingested. It never holds an identifier: a forget says how many records, not whose.
 *
 * @param operation ingest, forget, retention or upgrade
 * @param files the files this ingest read (none for other operations)
 * @param sources every file whose records are in the table after this commit
 * @param quarantine where this ingest's rejected rows were written ("" for others)
 * @param erased records deleted by a forget
 * @param purged true when a forget also removed the old files holding them (forget --now)
 */
public record CommitNote(
    String tool,
    String operation,
    List<SourceFile> files,
    List<SourceFile> sources,
    String quarantine,
    long erased,
    boolean purged) {
  static final String TOOL = "whotakespart";
  private static final ObjectMapper JSON =
      new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  /** A file whose accepted records are in the store, as it was when last ingested. */
  public record SourceFile(
      String path,
      long bytes,
      String sha256,
      long read,
      long accepted,
      long quarantined,
      long duplicates) {}

  public static CommitNote ingest(
      List<SourceFile> files, List<SourceFile> sources, String quarantine) {
    return new CommitNote(TOOL, "ingest", files, sources, quarantine, 0, false);
  }

  /** A commit that changes no file's reconciliation: {@code previous}'s sources carried on. */
  static CommitNote carry(CommitNote previous, String operation, long erased, boolean purged) {
    return new CommitNote(
        TOOL,
        operation,
        List.of(),
        previous == null ? List.of() : previous.sources(),
        "",
        erased,
        purged);
  }

  String json() {
    try {
      return JSON.writeValueAsString(this);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the commit's metadata", e);
    }
  }

  /** The note of a commit, or null for a commit made by another tool (or by Delta itself). */
  static CommitNote parse(String userMetadata) {
    if (userMetadata == null || !userMetadata.contains("\"" + TOOL + "\"")) {
      return null;
    }
    try {
      CommitNote n = JSON.readValue(userMetadata, CommitNote.class);
      return TOOL.equals(n.tool()) ? n : null;
    } catch (JsonProcessingException e) {
      return null;
    }
  }
}
