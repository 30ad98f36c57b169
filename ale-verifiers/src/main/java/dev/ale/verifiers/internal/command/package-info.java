/**
 * The {@code command} verifier: runs an external grader program and reads its score.
 *
 * <p>Internal: not for public use. Nothing in this package is API; it may change or go away in any
 * release without notice.
 */
package dev.ale.verifiers.internal.command;
