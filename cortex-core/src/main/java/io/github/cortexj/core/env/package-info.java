/**
 * Cortex's CLI environments: the {@code cli.yaml} file that names clusters and their operator endpoints
 * ({@link io.github.cortexj.core.env.CliConfigFile}, {@link io.github.cortexj.core.env.CliConfig},
 * {@link io.github.cortexj.core.env.Environment}), and the service-provider interface through which
 * {@link io.github.cortexj.core.CortexClient#fromEnvironment()} turns an environment into a client
 * ({@link io.github.cortexj.core.env.CortexClientProvider}; cortex-client provides the implementations).
 */
@NullMarked
package io.github.cortexj.core.env;

import org.jspecify.annotations.NullMarked;
