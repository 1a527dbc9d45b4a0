/**
 * The cortex.yaml model: immutable API specs ({@link io.github.cortexj.core.spec.ApiSpec} and its sections), their
 * builders, and {@link io.github.cortexj.core.spec.CortexYaml}, which reads and validates a cortex.yaml file with
 * Cortex's rules and reports every problem in one {@link io.github.cortexj.core.spec.ApiConfigException}.
 *
 * <p>cortex-java runs the kinds {@code BatchAPI}, {@code AsyncAPI} and {@code TaskAPI}, with handlers written as
 * Java classes ({@code handler.type: java}, {@code handler.class: com.example.MyHandler}).
 */
@NullMarked
package io.github.cortexj.core.spec;

import org.jspecify.annotations.NullMarked;
