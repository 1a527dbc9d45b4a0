/**
 * The subcommands of the {@code cortex} command line ({@code validate}, {@code project ls|env|zip}). Internal: no
 * compatibility promise; the command line itself, documented in {@code docs/cli.md}, is the interface.
 */
@NullMarked
package io.github.cortexj.server.internal.cli;

import org.jspecify.annotations.NullMarked;
