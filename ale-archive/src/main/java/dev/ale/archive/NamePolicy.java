package dev.ale.archive;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;

/** How strictly entry names must be spelled; the safety rules on names hold under both. */
@API(status = INTERNAL)
public enum NamePolicy {
    /**
     * Each path in its one spelling: an empty or {@code .} segment is refused, and so is a second
     * entry for a folder (task packs, which the SDK writes).
     */
    CANONICAL,
    /**
     * Names as archivers write them: empty and {@code .} segments are dropped ({@code ./a.txt} is
     * {@code a.txt}), an entry for the root itself is counted and passed over, and a folder may be
     * listed again (archives an agent made).
     */
    NORMALIZED
}
