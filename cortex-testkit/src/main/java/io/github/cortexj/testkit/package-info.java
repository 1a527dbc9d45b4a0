/**
 * Testing support for code that runs on Cortex: {@link io.github.cortexj.testkit.CortexTestCluster} (an embedded
 * cluster with virtual time and fault injection), the JUnit 5 {@link io.github.cortexj.testkit.CortexTestExtension},
 * handler harnesses that need no cluster, {@link io.github.cortexj.testkit.CortexAssertions AssertJ assertions},
 * {@link io.github.cortexj.testkit.Fixtures}, {@link io.github.cortexj.testkit.ManualClock} and the
 * {@link io.github.cortexj.testkit.BackendCompatibilityKit} every backend runs.
 */
@NullMarked
package io.github.cortexj.testkit;

import org.jspecify.annotations.NullMarked;
