/**
 * Testing support: {@code CortexTestCluster} with virtual time, a JUnit 5 extension, handler harnesses, AssertJ assertions, fault injection and the {@code BackendCompatibilityKit}. Filled in by the testkit and AWS backends issues.
 */
@NullMarked
package io.github.cortexj.testkit;

import org.jspecify.annotations.NullMarked;
