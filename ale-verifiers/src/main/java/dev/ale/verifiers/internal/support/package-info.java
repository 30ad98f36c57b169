/**
 * What the built-in verifiers share: reading configuration options, resolving files safely under
 * the output and reference roots, weighted scores, numbers, tolerances, globs and the short
 * renderings used in checks.
 *
 * <p>Internal: not for public use. Nothing in this package is API; it may change or go away in any
 * release without notice.
 */
package dev.ale.verifiers.internal.support;
