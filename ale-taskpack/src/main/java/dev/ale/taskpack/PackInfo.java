package dev.ale.taskpack;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * The descriptive fields of a pack's manifest.
 *
 * @param format        always {@code ale-taskpack}
 * @param formatVersion {@code major.minor} of the format the pack was written in
 * @param description   what the pack holds, for people
 * @param license       the licence of the pack's content (an SPDX id or a sentence)
 */
@API(status = EXPERIMENTAL)
public record PackInfo(String format, String formatVersion, String description, String license) {
    public PackInfo {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(formatVersion, "formatVersion");
        description = Objects.requireNonNullElse(description, "");
        license = Objects.requireNonNullElse(license, "");
    }
}
