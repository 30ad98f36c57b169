package dev.ale.api;

/** What {@link Harness#named} makes: {@code work} under another name, with its description. */
record NamedHarness(String name, Harness work) implements Harness {
    @Override
    public SessionOutcome run(SessionContext ctx) throws Exception {
        return work.run(ctx);
    }

    @Override
    public String description() {
        return work.description();
    }
}
