/**
 * Implementation of {@code io.github.cortexj.core.project}: git's wildmatch, compiled ignore patterns, the project
 * walk, the {@code .env} parser and the zip writer. Internal: no compatibility promise, and other modules must not
 * use it.
 */
@NullMarked
package io.github.cortexj.core.internal.project;

import org.jspecify.annotations.NullMarked;
