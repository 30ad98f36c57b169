package dev.ale.verifiers.internal.support;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.ale.api.spi.VerificationContext;
import java.nio.file.Path;
import org.apiguardian.api.API;

/** A verification context like {@code parent}, whose output root is {@code output} (an unpacked archive). */
@API(status = INTERNAL)
public record ScopedContext(VerificationContext parent, Path output) implements ForwardingContext {}
