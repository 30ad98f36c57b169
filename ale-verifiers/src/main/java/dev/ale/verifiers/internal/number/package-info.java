/**
 * The {@code number} verifier: one number found in an output file, checked against a value, a
 * reference or a range.
 *
 * <p>Internal: not for public use. Nothing in this package is API; it may change or go away in any
 * release without notice.
 */
package dev.ale.verifiers.internal.number;
