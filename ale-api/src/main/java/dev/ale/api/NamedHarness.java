package dev.ale.api;

/** What {@link Harness#named} makes: {@code work} under another name, with the description it had then. */
record NamedHarness(String name, String description, Harness work) implements Harness {
    @Override
    public SessionOutcome run(SessionContext ctx) throws Exception {
        return work.run(ctx);
    }
}
