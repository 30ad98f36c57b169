/**
 * Test-only helpers shared by the SDK's modules: seeded fuzz mutators and folder-tree snapshots.
 *
 * <p>Not for public use: only the SDK's own tests depend on this module.
 */
package dev.ale.testfixtures;
