/**
 * The project an API is deployed from, as Cortex's CLI sees it: the root that holds {@code cortex.yaml}, the files
 * the walk includes after Cortex's exclusions and {@code .cortexignore}, the {@code .env} variables, the size
 * limits, and the deterministic zip whose SHA-256 is the project id.
 *
 * <p>Start with {@link io.github.cortexj.core.project.Project#load(java.nio.file.Path)}.
 */
@NullMarked
package io.github.cortexj.core.project;

import org.jspecify.annotations.NullMarked;
