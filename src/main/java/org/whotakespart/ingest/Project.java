package org.whotakespart.ingest;

import java.util.List;

/**
 * One co-production project from the projects file.
 *
 * @param catchment ONS local-authority codes (or the user's own area ids for a custom baseline)
 * @param minAge youngest age eligible to take part; selects the baseline's age coverage
 * @param baseline name of the baseline set to compare with
 */
public record Project(String projectId, String projectName, String organisation,
    String commissioner, List<String> catchment, int minAge, String baseline) {}
