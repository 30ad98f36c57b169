package dev.ale.tools.openai;

import java.lang.System.Logger.Level;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The price table of a harness: a model's price by the name it was configured with, else by the name the server reports. */
final class Prices {
    private static final System.Logger LOG = System.getLogger("dev.ale.tools.openai");

    private final Map<String, TokenPrice> table;
    private final Set<String> warned = ConcurrentHashMap.newKeySet();

    Prices(Map<String, TokenPrice> table) {
        this.table = Map.copyOf(table);
    }

    /** The cost of a response; 0 (with one warning per model) when the table has no price for it. */
    double cost(String configured, String reported, long in, long out) {
        TokenPrice price = table.get(configured);
        if (price == null && !reported.isEmpty()) {
            price = table.get(reported);
        }
        if (price == null) {
            if (!table.isEmpty() || in + out > 0) {
                String name = reported.isEmpty() ? configured : reported;
                if (warned.add(name)) {
                    LOG.log(
                            Level.WARNING,
                            "openai: no price for model {0}; its cost is recorded as 0 USD, so cost caps"
                                    + " do not see it",
                            name);
                }
            }
            return 0;
        }
        return price.cost(in, out);
    }

    boolean isEmpty() {
        return table.isEmpty();
    }
}
