/**
 * The {@code json} verifier: JSON output files compared field by field with expected values.
 *
 * <p>Internal: not for public use. Nothing in this package is API; it may change or go away in any
 * release without notice.
 */
package dev.ale.verifiers.internal.json;
