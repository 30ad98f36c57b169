/**
 * The internals of {@code ale-process}: the process tree and the launchers' helpers. Not for public
 * use: anything here may change in any release.
 */
package dev.ale.process.internal;
