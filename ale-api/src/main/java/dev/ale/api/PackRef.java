package dev.ale.api;

import java.util.Objects;

/**
 * Which pack a task came from: name, semantic version and the SHA-256 digest of the pack
 * (lower-case hex, over its task digests). Every result carries it.
 */
public record PackRef(String name, String version, String digest) {
    public PackRef {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(digest, "digest");
    }
}
