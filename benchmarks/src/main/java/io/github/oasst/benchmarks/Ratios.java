package io.github.oasst.benchmarks;

import java.util.Locale;

/** Ratios of two scores of the {@link Report}, with their errors. */
final class Ratios {
    private Ratios() {}

    /** A ratio with its error. */
    static String ratio(Report.Scored value, Report.Scored base) {
        if (Double.isNaN(base.score()) || base.score() == 0) {
            return "n/a";
        }
        double ratio = value.score() / base.score();
        return String.format(Locale.ROOT, "%.2f ± %.2f", ratio, ratio * relativeError(value, base));
    }

    /** The relative error of the ratio of two scores: their relative errors combined. */
    static double relativeError(Report.Scored a, Report.Scored b) {
        return Math.sqrt(sq(a.error() / a.score()) + sq(b.error() / b.score()));
    }

    private static double sq(double x) {
        return Double.isNaN(x) ? 0 : x * x;
    }
}
