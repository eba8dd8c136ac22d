package org.whotakespart.baseline;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.whotakespart.ingest.InputException;
import org.whotakespart.ingest.Project;

/**
 * Refuses a catchment that lists a neighbourhood (MSOA) and the local authority it lies in: its
 * residents would be counted twice in the baseline (statistics.md, "The intended population").
 *
 * <p>An MSOA belongs to the authority its Census 2021 name begins with: ONS names every MSOA after
 * its local authority and a number ("Tower Hamlets 001"). That holds for all 7,264 MSOAs of England
 * and Wales, checked against the parent codes of the ONS TS008 small-area file. So the area names
 * of the baselines file are the lookup; an MSOA whose name is not of that form (a baselines file
 * made elsewhere) cannot be checked and is left alone.
 */
public final class CatchmentOverlap {
  private static final Pattern MSOA_NAME = Pattern.compile("(.+) \\d{3}");

  private CatchmentOverlap() {}

  /** The code of the authority an MSOA lies in, or null when its name does not say. */
  static String authorityOf(String msoaName, Map<String, String> codeOfName) {
    Matcher m = MSOA_NAME.matcher(msoaName == null ? "" : msoaName);
    return m.matches() ? codeOfName.get(m.group(1)) : null;
  }

  /**
   * Each neighbourhood (MSOA) among the areas to the code of the authority it lies in, where its
   * name says and the authority is among the areas too.
   */
  public static Map<String, String> authorities(Map<String, String> areaNames) {
    Map<String, String> codeOfName = new HashMap<>();
    areaNames.forEach(
        (code, name) -> {
          if (!MsoaImporter.isMsoa(code)) {
            codeOfName.putIfAbsent(name, code);
          }
        });
    Map<String, String> out = new TreeMap<>();
    areaNames.forEach(
        (code, name) -> {
          String authority = MsoaImporter.isMsoa(code) ? authorityOf(name, codeOfName) : null;
          if (authority != null) {
            out.put(code, authority);
          }
        });
    return out;
  }

  /**
   * @param file the projects file, as the job names it
   * @param areaNames area code to name, from the baselines
   * @throws InputException naming the project, the neighbourhood and the authority
   */
  public static void check(List<Project> projects, String file, Map<String, String> areaNames) {
    Map<String, String> codeOfName = new HashMap<>();
    areaNames.forEach(
        (code, name) -> {
          if (!MsoaImporter.isMsoa(code)) {
            codeOfName.putIfAbsent(name, code);
          }
        });
    for (Project p : projects) {
      for (String area : p.catchment()) {
        if (!MsoaImporter.isMsoa(area)) {
          continue;
        }
        String authority = authorityOf(areaNames.get(area), codeOfName);
        if (authority != null && p.catchment().contains(authority)) {
          throw new InputException(
              file
                  + ": project "
                  + p.projectId()
                  + "'s catchment lists"
                  + " the neighbourhood "
                  + area
                  + " ("
                  + areaNames.get(area)
                  + "), which lies inside "
                  + authority
                  + " ("
                  + areaNames.get(authority)
                  + "), also listed: its residents would"
                  + " be counted twice. List the authority, or its neighbourhoods, not both");
        }
      }
    }
  }
}
