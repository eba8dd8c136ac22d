package org.whotakespart.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The data files of a Delta table's latest version, worked out as any reader without Delta can:
 * replay the JSON commits in {@code _delta_log} in order, adding each {@code add} and dropping each
 * {@code remove}. For tables without checkpoints (fewer than ten commits, or read before one):
 * enough for tests and the benchmark peer, not a general Delta reader.
 */
public final class DeltaLogFiles {
  private DeltaLogFiles() {}

  /** Each live file's absolute path, to its partition values. */
  public static Map<Path, Map<String, String>> live(Path table) throws IOException {
    ObjectMapper json = new ObjectMapper();
    Map<String, Map<String, String>> files = new TreeMap<>();
    try (Stream<Path> s = Files.list(table.resolve("_delta_log"))) {
      for (Path commit :
          s.filter(p -> p.getFileName().toString().matches("\\d{20}\\.json")).sorted().toList()) {
        for (String line : Files.readAllLines(commit)) {
          JsonNode action = json.readTree(line);
          if (action.has("add")) {
            Map<String, String> partition = new TreeMap<>();
            action
                .get("add")
                .get("partitionValues")
                .fields()
                .forEachRemaining(e -> partition.put(e.getKey(), e.getValue().asText()));
            files.put(action.get("add").get("path").asText(), partition);
          } else if (action.has("remove")) {
            files.remove(action.get("remove").get("path").asText());
          }
        }
      }
    }
    Map<Path, Map<String, String>> out = new TreeMap<>();
    files.forEach(
        (p, v) ->
            out.put(
                table.resolve(
                    java.net.URLDecoder.decode(p, java.nio.charset.StandardCharsets.UTF_8)),
                v));
    return out;
  }
}
