package org.leadrouter.allocation;

import java.math.BigDecimal;

/**
 * An advisor's share weight (a senior 2, a part-timer 0.5; default 1), held exactly in thousandths so that
 * comparisons of weighted loads never depend on floating-point rounding.
 */
public record Weight(long thousandths) {
    public static final Weight ONE = new Weight(1000);
    private static final long MAX = 1_000_000;

    public Weight {
        if (thousandths <= 0 || thousandths > MAX) {
            throw new IllegalArgumentException("weight out of range 0.001..1000: " + thousandths + "/1000");
        }
    }

    /** Parses {@code 2}, {@code 0.5}, {@code 1.25}: positive, at most 1000, at most three decimals. */
    public static Weight parse(String text) {
        BigDecimal value;
        try {
            value = new BigDecimal(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not a number (examples: 1, 2, 0.5)");
        }
        if (value.signum() <= 0 || value.compareTo(BigDecimal.valueOf(1000)) > 0) {
            throw new IllegalArgumentException("'" + text + "' is not a weight between 0.001 and 1000");
        }
        BigDecimal scaled = value.movePointRight(3);
        if (scaled.stripTrailingZeros().scale() > 0) {
            throw new IllegalArgumentException("'" + text + "' has more than three decimals");
        }
        return new Weight(scaled.longValueExact());
    }

    public boolean isOne() {
        return thousandths == 1000;
    }

    /** As a user writes it: {@code 2}, {@code 0.5}. */
    @Override
    public String toString() {
        return BigDecimal.valueOf(thousandths, 3).stripTrailingZeros().toPlainString();
    }
}
