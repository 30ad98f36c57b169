package dev.ale.core;

import dev.ale.api.ExecRequest;
import dev.ale.api.ExecResult;
import dev.ale.api.Sandbox;
import dev.ale.process.ProcessLauncher;
import dev.ale.process.ProcessSandbox;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The sandbox as a harness (or a verifier) sees it: its workspace and, where the sandbox can, process
 * execution, with the sandbox's way of starting processes.
 * Closing it or opening the reference area belongs to the runner, so a harness that tries fails its
 * own attempt instead of breaking the runner's steps after it.
 */
final class HarnessSandbox implements ProcessSandbox {
    private final Sandbox sandbox;

    HarnessSandbox(Sandbox sandbox) {
        this.sandbox = sandbox;
    }

    @Override
    public Path workspace() {
        return sandbox.workspace();
    }

    @Override
    public Path openReferenceArea() {
        throw new UnsupportedOperationException("the reference area is the runner's: a harness never opens it");
    }

    @Override
    public ProcessLauncher launcher() {
        return ProcessSandbox.launcherOf(sandbox);
    }

    @Override
    public boolean canExecute() {
        return sandbox.canExecute();
    }

    @Override
    public ExecResult exec(ExecRequest request) throws IOException {
        return sandbox.exec(request);
    }

    @Override
    public void close() {
        throw new UnsupportedOperationException("the sandbox is closed by the runner when the attempt ends");
    }
}
