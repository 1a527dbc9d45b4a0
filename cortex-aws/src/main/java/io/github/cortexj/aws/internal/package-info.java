/**
 * Implementation details of cortex-aws: client construction and the translation of SDK errors. Nothing here is
 * public API: it may change in any release without notice, and other modules must not use it.
 */
@NullMarked
package io.github.cortexj.aws.internal;

import org.jspecify.annotations.NullMarked;
