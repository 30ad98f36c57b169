/**
 * The {@code text} and {@code markdown} verifiers: conditions on text, headings and sections.
 *
 * <p>Internal: not for public use. Nothing in this package is API; it may change or go away in any
 * release without notice.
 */
package dev.ale.verifiers.internal.text;
