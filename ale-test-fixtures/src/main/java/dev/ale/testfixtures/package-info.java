/**
 * Test-only helpers shared by the SDK's modules: seeded fuzz mutators, folder-tree
 * snapshots, an in-memory trajectory, test tasks, a session context, a liveness guard, small
 * packs as folders and child JVMs.
 *
 * <p>Not for public use: only the SDK's own tests depend on this module.
 */
package dev.ale.testfixtures;
