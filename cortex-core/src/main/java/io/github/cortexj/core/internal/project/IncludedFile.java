package io.github.cortexj.core.internal.project;

import java.nio.file.Path;

/**
 * A file the project walk included.
 *
 * @param path the root-relative path with {@code /} separators, as it appears in the zip
 * @param location where to read it (a symlink's own path when the file is a link to a file inside the root)
 * @param size the size in bytes when it was walked
 */
public record IncludedFile(String path, Path location, long size) {}
