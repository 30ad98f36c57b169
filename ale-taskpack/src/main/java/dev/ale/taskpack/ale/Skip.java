package dev.ale.taskpack.ale;

/** Why one ALE task was not imported: the batch goes on without it. */
final class Skip extends Exception {
    private static final long serialVersionUID = 1L;

    Skip(String reason) {
        super(reason, null, false, false);
    }
}
