/**
 * The machinery behind {@code VerifierContract}: the recording file system that catches reads
 * outside the roots, the output variants and the verdict rules the contract checks.
 *
 * <p>Internal: not for public use. Nothing in this package is API; it may change or go away in any
 * release without notice.
 */
package dev.ale.testkit.internal;
