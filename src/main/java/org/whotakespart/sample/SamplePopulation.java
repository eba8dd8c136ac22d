package org.whotakespart.sample;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.whotakespart.baseline.MsoaImporter;
import org.whotakespart.config.Characteristic;
import org.whotakespart.ingest.BaselineRow;

/**
 * The residents the sample's people are drawn from: each area's count per characteristic and
 * category (ages from 16, everything else at the baselines' own minimum age).
 */
final class SamplePopulation {
  private final Map<String, Map<String, Map<String, Long>>> baseline =
      new TreeMap<>(); // area -> characteristic -> category -> n

  /** A neighbourhood (MSOA) to the authority it lies in, from the baselines' area names. */
  private final Map<String, String> authorityOf = new TreeMap<>();

  SamplePopulation(List<BaselineRow> baselines) {
    Map<String, String> codeOfName = new HashMap<>();
    Map<String, String> msoaNames = new TreeMap<>();
    for (BaselineRow b : baselines) {
      if (MsoaImporter.isMsoa(b.areaCode())) {
        msoaNames.put(b.areaCode(), b.areaName());
      } else {
        codeOfName.putIfAbsent(b.areaName(), b.areaCode());
      }
    }
    msoaNames.forEach(
        (code, name) -> {
          String authority = codeOfName.get(name.replaceFirst(" \\d{3}$", ""));
          if (authority != null) {
            authorityOf.put(code, authority);
          }
        });
    for (BaselineRow b : baselines) {
      int wanted = b.characteristic().equals(Characteristic.AGE_BAND.code()) ? 16 : b.minAge();
      if (b.minAge() == wanted) {
        baseline
            .computeIfAbsent(b.areaCode(), a -> new TreeMap<>())
            .computeIfAbsent(b.characteristic(), c -> new TreeMap<>())
            .merge(b.category(), b.population(), Long::sum);
      }
    }
  }

  /**
   * The area's residents in the category; a neighbourhood without figures for the characteristic
   * (sexual orientation, gender identity) takes its authority's, scaled by residents (as the report
   * does).
   */
  double of(String area, Characteristic c, String category) {
    Map<String, Map<String, Long>> own = baseline.getOrDefault(area, Map.of());
    if (own.containsKey(c.code()) || !authorityOf.containsKey(area)) {
      return own.getOrDefault(c.code(), Map.of()).getOrDefault(category, 0L);
    }
    Map<String, Map<String, Long>> authority = baseline.get(authorityOf.get(area));
    double scale =
        residents(own.getOrDefault(Characteristic.SEX.code(), Map.of()))
            / residents(authority.getOrDefault(Characteristic.SEX.code(), Map.of()));
    return authority.getOrDefault(c.code(), Map.of()).getOrDefault(category, 0L) * scale;
  }

  private static double residents(Map<String, Long> bySex) {
    return Math.max(1, bySex.values().stream().mapToLong(Long::longValue).sum());
  }
}
