/**
 * The {@code csv} verifier and the table readers it uses: CSV, TSV and xlsx sheets, header
 * matching, row keys and the partial-credit arithmetic.
 *
 * <p>Internal: not for public use. Nothing in this package is API; it may change or go away in any
 * release without notice.
 */
package dev.ale.verifiers.internal.table;
