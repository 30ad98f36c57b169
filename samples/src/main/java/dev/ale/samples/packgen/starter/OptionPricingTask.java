package dev.ale.samples.packgen.starter;

import static dev.ale.samples.packgen.starter.Grading.columns;

import java.util.Random;

/**
 * {@code binomial-option-pricing}: prices, deltas and early-exercise premiums of European and
 * American equity options on a Cox-Ross-Rubinstein binomial tree with a continuous dividend
 * yield, as a risk desk checks a vendor's figures. Computed in IEEE double arithmetic with
 * {@link StrictMath}, so the figures are the same on every machine.
 */
final class OptionPricingTask {
    static final String ID = "binomial-option-pricing";
    private static final String[] UNDERLYINGS = {"KSTL", "NWRX", "BLUF", "ORVA"};

    private OptionPricingTask() {}

    /** Price and delta of one option on the tree. */
    record Valuation(double price, double delta) {}

    /**
     * What an option's value depends on besides its style: call or put, spot, strike, years to
     * expiry, the rate, dividend yield and volatility as fractions, and the tree's steps.
     */
    record Terms(boolean call, double spot, double strike, double years, double r, double q, double sigma, int n) {
        /** The payoff at expiry for a stock price of {@code s}. */
        double payoff(double s) {
            return Math.max(0, call ? s - strike : strike - s);
        }
    }

    static void generate(StarterTask task, Random random) {
        Table options = new Table(
                "option_id,underlying,type,style,spot,strike,expiry_years,rate_pct,dividend_yield_pct,volatility_pct,steps");
        Table prices = new Table("option_id,price,delta,early_exercise_premium");
        for (int i = 0; i < 10; i++) {
            String type = i % 2 == 0 ? "PUT" : "CALL";
            String style = i % 3 == 2 ? "EUROPEAN" : "AMERICAN";
            double spot = Dec.random(random, 40, 160, 2).doubleValue();
            double strike = 5 * Math.round(spot * (0.85 + 0.3 * random.nextDouble()) / 5);
            double years = new double[] {0.25, 0.5, 0.75, 1.0, 1.5}[random.nextInt(5)];
            double rate = Dec.random(random, 1.5, 5.5, 2).doubleValue();
            double dividend = i % 4 == 1 ? Dec.random(random, 1.0, 4.0, 2).doubleValue() : 0;
            double vol = Dec.random(random, 15, 55, 1).doubleValue();
            int steps = new int[] {50, 100, 200}[random.nextInt(3)];
            options.row(
                    "OPT-" + (301 + i),
                    UNDERLYINGS[random.nextInt(UNDERLYINGS.length)],
                    type,
                    style,
                    Dec.of(spot, 2),
                    Dec.of(strike, 2),
                    Dec.of(years, 2),
                    Dec.of(rate, 2),
                    Dec.of(dividend, 2),
                    Dec.of(vol, 1),
                    steps);
            Terms terms =
                    new Terms(type.equals("CALL"), spot, strike, years, rate / 100, dividend / 100, vol / 100, steps);
            Valuation v = value(terms, style.equals("AMERICAN"));
            double premium =
                    style.equals("AMERICAN") ? v.price() - value(terms, false).price() : 0;
            prices.row("OPT-" + (301 + i), Dec.of(v.price(), 4), Dec.of(v.delta(), 4), Dec.of(premium, 4));
        }
        task.input("options.csv", options);
        task.csv("option_values.csv", prices, "option_id")
                .rows("prices", 5, columns().num(0.001, "price"))
                .rows("deltas", 2, columns().num(0.001, "delta"))
                .rows("early exercise premiums", 2, columns().num(0.001, "early_exercise_premium"));
        task.instructions(instruction(prices));
    }

    /** Cox-Ross-Rubinstein: u = e^(sigma sqrt(dt)), d = 1/u, p = (e^((r-q)dt) - d) / (u - d), discount e^(-r dt). */
    static Valuation value(Terms o, boolean american) {
        int n = o.n();
        double dt = o.years() / n;
        double u = StrictMath.exp(o.sigma() * StrictMath.sqrt(dt));
        double d = 1 / u;
        double p = (StrictMath.exp((o.r() - o.q()) * dt) - d) / (u - d);
        double disc = StrictMath.exp(-o.r() * dt);
        double[] v = new double[n + 1];
        for (int j = 0; j <= n; j++) {
            v[j] = o.payoff(o.spot() * StrictMath.pow(u, j) * StrictMath.pow(d, n - j));
        }
        double up = 0;
        double down = 0;
        for (int step = n - 1; step >= 0; step--) {
            for (int j = 0; j <= step; j++) {
                double cont = disc * (p * v[j + 1] + (1 - p) * v[j]);
                double s = o.spot() * StrictMath.pow(u, j) * StrictMath.pow(d, step - j);
                v[j] = american ? Math.max(cont, o.payoff(s)) : cont;
            }
            if (step == 1) {
                down = v[0];
                up = v[1];
            }
        }
        return new Valuation(v[0], (up - down) / (o.spot() * u - o.spot() * d));
    }

    private static String instruction(Table prices) {
        return """
                You are a quantitative analyst on a bank's equity-derivatives risk desk. Independently value \
                the listed options in `options.csv` to check a vendor's marks.

                Each row gives the option type (CALL or PUT), the style (EUROPEAN: exercise at expiry only; \
                AMERICAN: exercise at any step of the tree), the spot price S, the strike K, the time to \
                expiry T in years, the risk-free rate r and the dividend yield q (percent, continuously \
                compounded), the volatility sigma (percent) and the number of tree steps N.

                Model: a Cox-Ross-Rubinstein binomial tree with N steps. dt = T / N; u = exp(sigma x \
                sqrt(dt)); d = 1 / u; the risk-neutral up probability p = (exp((r - q) x dt) - d) / (u - d); \
                each step discounts by exp(-r x dt). At expiry the option is worth its payoff, max(S - K, 0) \
                for a call and max(K - S, 0) for a put, at each node's stock price. Rolling back, a node's \
                continuation value is the discounted expectation of its two successors; an American option's \
                node value is the larger of the continuation value and the immediate payoff.

                For each option:
                - price: the value at the root.
                - delta: (V_up - V_down) / (S x u - S x d), where V_up and V_down are the option values at \
                the two nodes after the first step.
                - early_exercise_premium: for an AMERICAN option, its price minus the price of the EUROPEAN \
                option with the same inputs on the same tree; 0 for a EUROPEAN option.

                Write `option_values.csv` with the header `{header}` and one row per option, numbers rounded \
                to 4 decimal places.

                Grading: rows are matched by option_id; price, delta and premium are each graded within \
                0.001; rows for unknown options cost credit."""
                .replace("{header}", prices.headerLine());
    }
}
