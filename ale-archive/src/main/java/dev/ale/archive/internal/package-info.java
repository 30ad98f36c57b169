/**
 * The rules the archive readers apply: entry names, the running entry checks, bounded entry
 * streams, zip end records and layouts, tar header blocks and private temporary folders.
 *
 * <p>Internal: not for public use. Nothing in this package is API; it may change or go away in any
 * release without notice.
 */
package dev.ale.archive.internal;
