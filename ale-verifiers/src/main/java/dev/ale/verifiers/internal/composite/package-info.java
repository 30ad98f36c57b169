/**
 * The composite verifiers {@code all}, {@code any}, {@code weighted} and {@code checkpoints}.
 *
 * <p>Internal: not for public use. Nothing in this package is API; it may change or go away in any
 * release without notice.
 */
package dev.ale.verifiers.internal.composite;
