package org.whotakespart.config;

/**
 * One category of a characteristic: the contract's code and the plain-English label a board reads.
 */
public record Category(String code, String label) {}
