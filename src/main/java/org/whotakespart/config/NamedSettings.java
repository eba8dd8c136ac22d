package org.whotakespart.config;

import java.util.List;

/**
 * Settings as the job file and flags name them, before {@link JobConfig.Builder#build()} checks
 * them: for tools that must look before a run (the launcher sizing its input, the store commands
 * finding the store). Paths from a job file are already read from its folder.
 *
 * @param records files, folders or globs of participation records
 * @param store the history store, or null
 * @param fromStore whether a report was asked to read the store
 * @param engine the engine asked for, or null for the default
 * @param sparkMaster the Spark master
 */
public record NamedSettings(
    List<String> records, String store, boolean fromStore, Engine engine, String sparkMaster) {}
