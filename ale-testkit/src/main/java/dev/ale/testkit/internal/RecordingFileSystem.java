package dev.ale.testkit.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.FileSystem;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.WatchService;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * A file system that wraps another (an in-memory Jimfs instance) and records every path a
 * verifier reads through it: files opened, directories listed, attributes read and links read,
 * each with whether links were followed. The contract hands a verifier roots on this file system
 * and afterwards asks {@link AccessLog} which of the recorded reads landed outside them. Only
 * reads made while {@link #log()} is recording are kept.
 */
@API(status = INTERNAL)
public final class RecordingFileSystem extends FileSystem {
    private final FileSystem delegate;
    private final RecordingProvider provider;
    private final AccessLog log;

    /** Wraps {@code delegate}; nothing is recorded until {@code log().start()}. */
    public RecordingFileSystem(FileSystem delegate) {
        this.delegate = delegate;
        this.provider = new RecordingProvider(this);
        this.log = new AccessLog();
    }

    /** The record of reads. */
    public AccessLog log() {
        return log;
    }

    /** The recording path of {@code p}, a path of the wrapped file system. */
    public RecordingPath wrap(Path p) {
        if (p.getFileSystem() != delegate) {
            throw new IllegalArgumentException("not a path of the wrapped file system: " + p);
        }
        return new RecordingPath(this, p);
    }

    FileSystem delegate() {
        return delegate;
    }

    @Override
    public RecordingProvider provider() {
        return provider;
    }

    @Override
    public void close() throws IOException {
        delegate.close();
    }

    @Override
    public boolean isOpen() {
        return delegate.isOpen();
    }

    @Override
    public boolean isReadOnly() {
        return delegate.isReadOnly();
    }

    @Override
    public String getSeparator() {
        return delegate.getSeparator();
    }

    @Override
    public Iterable<Path> getRootDirectories() {
        List<Path> out = new ArrayList<>();
        delegate.getRootDirectories().forEach(p -> out.add(wrap(p)));
        return out;
    }

    @Override
    public Iterable<FileStore> getFileStores() {
        return delegate.getFileStores();
    }

    @Override
    public Set<String> supportedFileAttributeViews() {
        return delegate.supportedFileAttributeViews();
    }

    @Override
    public Path getPath(String first, String... more) {
        return wrap(delegate.getPath(first, more));
    }

    @Override
    public PathMatcher getPathMatcher(String syntaxAndPattern) {
        PathMatcher m = delegate.getPathMatcher(syntaxAndPattern);
        return p -> p instanceof RecordingPath r && r.getFileSystem() == this && m.matches(r.delegate());
    }

    @Override
    public UserPrincipalLookupService getUserPrincipalLookupService() {
        return delegate.getUserPrincipalLookupService();
    }

    @Override
    public WatchService newWatchService() {
        throw new UnsupportedOperationException("watching is not supported by the contract's file system");
    }
}
