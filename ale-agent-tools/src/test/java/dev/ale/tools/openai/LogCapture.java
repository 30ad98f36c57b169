package dev.ale.tools.openai;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/** Collects what a logger (and its children) logs through System.Logger's default JUL backend, at every level. */
final class LogCapture extends Handler implements AutoCloseable {
    private final Logger logger;
    private final Level previous;
    private final List<LogRecord> records = new ArrayList<>();
    private final SimpleFormatter formatter = new SimpleFormatter();

    LogCapture(String name) {
        logger = Logger.getLogger(name);
        previous = logger.getLevel();
        logger.setLevel(Level.ALL);
        setLevel(Level.ALL);
        logger.addHandler(this);
    }

    @Override
    public synchronized void publish(LogRecord record) {
        records.add(record);
    }

    /** Every record formatted, one per line. */
    synchronized List<String> lines() {
        return records.stream()
                .map(r -> r.getLevel() + " " + formatter.formatMessage(r))
                .toList();
    }

    @Override
    public void flush() {}

    @Override
    public void close() {
        logger.removeHandler(this);
        logger.setLevel(previous);
    }
}
