/**
 * The hardened reader of untrusted zip, tar and tar.gz archives that task packs and the
 * {@code archive} verifier share: {@link dev.ale.archive.ZipArchive}, {@link dev.ale.archive.TarArchive}
 * and what they are read by ({@link dev.ale.archive.ArchiveLimits}, {@link dev.ale.archive.NamePolicy}).
 *
 * <p>Internal to the SDK: for its own modules, not for users.
 */
package dev.ale.archive;
