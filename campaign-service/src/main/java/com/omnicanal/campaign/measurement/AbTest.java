package com.omnicanal.campaign.measurement;

import org.bson.Document;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * A/B results: each variant's rate of a metric (converted, clicked, replied…) over the customers the split put in it,
 * against the first variant (the control) with a two-proportion z-test and its two-sided p-value.
 */
final class AbTest {

    private AbTest() {
    }

    record Result(String variant, long customers, long reached, double rate, Double z, Double pValue,
                  Boolean significant) {
    }

    static List<Result> compare(Document variants, String metric) {
        List<Result> results = new ArrayList<>();
        if (variants == null) {
            return results;
        }
        long n0 = 0;
        long x0 = 0;
        for (var variant : new TreeMap<>(variants).entrySet()) {
            Document counts = (Document) variant.getValue();
            long n = number(counts, "enrolled");
            long x = number(counts, metric);
            if (results.isEmpty()) {
                n0 = n;
                x0 = x;
                results.add(new Result(variant.getKey(), n, x, rate(x, n), null, null, null));
                continue;
            }
            Double z = z(x0, n0, x, n);
            Double p = z == null ? null : 2 * (1 - phi(Math.abs(z)));
            results.add(new Result(variant.getKey(), n, x, rate(x, n), z, p, p == null ? null : p < 0.05));
        }
        return results;
    }

    /** (p2 − p1) / √(p(1−p)(1/n1 + 1/n2)) with the pooled p; undefined with an empty side or no variance. */
    static Double z(long x1, long n1, long x2, long n2) {
        if (n1 == 0 || n2 == 0) {
            return null;
        }
        double pooled = (double) (x1 + x2) / (n1 + n2);
        double se = Math.sqrt(pooled * (1 - pooled) * (1.0 / n1 + 1.0 / n2));
        return se == 0 ? null : (rate(x2, n2) - rate(x1, n1)) / se;
    }

    /** The standard normal CDF (Abramowitz–Stegun 7.1.26 erf, error below 1.5e-7). */
    static double phi(double z) {
        double x = Math.abs(z) / Math.sqrt(2);
        double t = 1 / (1 + 0.3275911 * x);
        double erf = 1 - (((((1.061405429 * t - 1.453152027) * t) + 1.421413741) * t - 0.284496736) * t + 0.254829592)
                * t * Math.exp(-x * x);
        return z >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
    }

    private static double rate(long x, long n) {
        return n == 0 ? 0 : (double) x / n;
    }

    private static long number(Document counts, String key) {
        Object value = counts.get(key);
        return value instanceof Number number ? number.longValue() : 0;
    }
}
