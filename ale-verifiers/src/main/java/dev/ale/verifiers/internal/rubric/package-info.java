/**
 * The {@code rubric} verifier: criteria scored by the embedding application's judge.
 *
 * <p>Internal: not for public use. Nothing in this package is API; it may change or go away in any
 * release without notice.
 */
package dev.ale.verifiers.internal.rubric;
