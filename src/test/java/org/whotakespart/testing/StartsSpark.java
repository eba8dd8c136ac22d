package org.whotakespart.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * Marks a test class that starts Spark: a local session ({@link TestSpark}), a command that makes
 * one, or the jar in a child JVM. Tagged {@code spark}, so that {@code mvn test
 * -DexcludedGroups=spark} runs the plain-Java tests only, in seconds; plain {@code mvn test} runs
 * them all.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Tag("spark")
public @interface StartsSpark {}
