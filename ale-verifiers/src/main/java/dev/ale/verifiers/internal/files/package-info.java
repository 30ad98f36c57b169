/**
 * The {@code file-exists} and {@code tree} verifiers: which output files are there.
 *
 * <p>Internal: not for public use. Nothing in this package is API; it may change or go away in any
 * release without notice.
 */
package dev.ale.verifiers.internal.files;
