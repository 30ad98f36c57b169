/**
 * The {@code archive} verifier and its hardened zip and tar readers.
 *
 * <p>Internal: not for public use. Nothing in this package is API; it may change or go away in any
 * release without notice.
 */
package dev.ale.verifiers.internal.archive;
