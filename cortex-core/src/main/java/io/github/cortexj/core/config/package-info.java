/**
 * Handler configuration: {@link io.github.cortexj.core.config.ConfigMerger}, Cortex's deep merge of an API's
 * {@code config} with a job's {@code config}, where the job wins.
 */
@NullMarked
package io.github.cortexj.core.config;

import org.jspecify.annotations.NullMarked;
