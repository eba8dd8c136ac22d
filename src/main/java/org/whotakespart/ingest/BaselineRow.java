package org.whotakespart.ingest;

/** One normalised baseline count (data-contract.md §3). */
public record BaselineRow(
    String baseline,
    String areaCode,
    String areaName,
    String characteristic,
    String category,
    int minAge,
    long population,
    String source) {}
