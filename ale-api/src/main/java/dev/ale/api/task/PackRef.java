package dev.ale.api.task;

import static org.apiguardian.api.API.Status.STABLE;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * Which pack a task came from: name, semantic version and the SHA-256 digest of the pack
 * (lower-case hex, over its task digests). Every result carries it.
 */
@API(status = STABLE)
public record PackRef(String name, String version, String digest) {
    public PackRef {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(digest, "digest");
    }
}
