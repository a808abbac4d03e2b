package com.omnicanal.feedback.results;

import java.util.Map;

/** The standard scores: NPS categories, CSAT satisfaction, CES effort; detractors by the usual thresholds. */
public final class Scores {

    private Scores() {
    }

    /** promoter / passive / detractor (NPS); satisfied / neutral / dissatisfied (CSAT); easy / neutral / hard (CES). */
    public static String category(String kind, int score) {
        return switch (kind) {
            case "nps" -> score >= 9 ? "promoter" : score >= 7 ? "passive" : "detractor";
            case "csat" -> score >= 4 ? "satisfied" : score == 3 ? "neutral" : "dissatisfied";
            case "ces" -> score <= 3 ? "easy" : score == 4 ? "neutral" : "hard";
            default -> "answered";
        };
    }

    /** NPS ≤ 6, CSAT ≤ 2, CES ≥ 5. */
    public static boolean detractor(String kind, int score) {
        return switch (kind) {
            case "nps" -> score <= 6;
            case "csat" -> score <= 2;
            case "ces" -> score >= 5;
            default -> false;
        };
    }

    /** {score, 95 % margin}: NPS in points, CSAT in %, CES as a mean. */
    static double[] summarise(String kind, long n, long sum, Map<String, Long> categories) {
        if (n == 0) {
            return new double[]{0, 0};
        }
        return switch (kind) {
            case "nps" -> {
                double p = categories.getOrDefault("promoter", 0L) / (double) n;
                double d = categories.getOrDefault("detractor", 0L) / (double) n;
                double variance = p + d - (p - d) * (p - d);
                yield new double[]{round((p - d) * 100), round(1.96 * Math.sqrt(variance / n) * 100)};
            }
            case "csat" -> {
                double p = categories.getOrDefault("satisfied", 0L) / (double) n;
                yield new double[]{round(p * 100), round(1.96 * Math.sqrt(p * (1 - p) / n) * 100)};
            }
            default -> new double[]{round(sum / (double) n), 0};
        };
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
