package org.lightbox.agreement;

/**
 * The distribution functions the intervals and tests of agreement and evaluation need, computed to double precision
 * without a library: the standard normal distribution (erfc by its power series and continued fraction, the quantile
 * by Halley steps on it), Student's t with whole degrees of freedom (the finite series of Abramowitz &amp; Stegun
 * 26.7.3-4) and with any positive degrees of freedom (the regularised incomplete beta function), chi-square with
 * whole degrees of freedom, and Wilson's score interval.
 */
public final class Distributions {

    private static final double SQRT_PI = Math.sqrt(Math.PI);
    private static final double SQRT_2PI = Math.sqrt(2 * Math.PI);

    private Distributions() {
    }

    /** The standard normal distribution function. */
    public static double normalCdf(double x) {
        return 0.5 * erfc(-x / Math.sqrt(2));
    }

    /** Two-sided p-value of a standard normal z. */
    public static double twoSidedP(double z) {
        return erfc(Math.abs(z) / Math.sqrt(2));
    }

    /** The complementary error function. */
    public static double erfc(double z) {
        if (Double.isNaN(z)) {
            return Double.NaN;
        }
        if (z < 0) {
            return 2 - erfc(-z);
        }
        if (z > 27) {
            return 0;
        }
        double gauss = Math.exp(-z * z);
        if (z < 3) {
            // erf z = 2/sqrt(pi) e^{-z^2} sum 2^n z^{2n+1} / (1*3*...*(2n+1)): positive terms, no cancellation
            double term = z;
            double sum = z;
            for (int n = 1; n < 200 && term > 1e-17 * sum; n++) {
                term *= 2 * z * z / (2 * n + 1);
                sum += term;
            }
            return 1 - 2 / SQRT_PI * gauss * sum;
        }
        // erfc z = e^{-z^2}/sqrt(pi) / (z + (1/2)/(z + 1/(z + (3/2)/(z + ...)))), evaluated from the tail
        double fraction = z;
        for (int n = 120; n >= 1; n--) {
            fraction = z + (n / 2.0) / fraction;
        }
        return gauss / (SQRT_PI * fraction);
    }

    /** The quantile of the standard normal distribution for {@code 0 < p < 1}. */
    public static double normalQuantile(double p) {
        if (!(p > 0 && p < 1)) {
            throw new IllegalArgumentException("a probability strictly between 0 and 1 is needed: " + p);
        }
        // start: Abramowitz & Stegun 26.2.23 (error below 4.5e-4), then Halley steps on the exact distribution function
        double tail = Math.min(p, 1 - p);
        double t = Math.sqrt(-2 * Math.log(tail));
        double x = t - (2.515517 + t * (0.802853 + t * 0.010328)) / (1 + t * (1.432788 + t * (0.189269 + t * 0.001308)));
        if (p < 0.5) {
            x = -x;
        }
        for (int i = 0; i < 4; i++) {
            double e = normalCdf(x) - p;
            double u = e * SQRT_2PI * Math.exp(x * x / 2);
            x -= u / (1 + x * u / 2);
        }
        return x;
    }

    /** The {@code 1 - (1 - confidence)/2} normal quantile: 1.959963984540054 for 95%. */
    public static double twoSidedNormal(double confidence) {
        return normalQuantile(0.5 + confidence / 2);
    }

    /** {@code P(|T| <= t)} for Student's t with {@code df} (whole) degrees of freedom. */
    public static double studentCentral(double t, long df) {
        if (df < 1) {
            throw new IllegalArgumentException("degrees of freedom must be 1 or more: " + df);
        }
        double theta = Math.atan(Math.abs(t) / Math.sqrt(df));
        double s = Math.sin(theta);
        double c2 = Math.cos(theta) * Math.cos(theta);
        double term = 1;
        double sum = 1;
        if (df % 2 == 1) {
            for (long j = 1; j <= (df - 3) / 2 && term > 1e-17 * sum; j++) {
                term *= c2 * (2.0 * j) / (2.0 * j + 1);
                sum += term;
            }
            return df == 1 ? 2 * theta / Math.PI : 2 / Math.PI * (theta + s * Math.cos(theta) * sum);
        }
        for (long j = 1; j <= (df - 2) / 2 && term > 1e-17 * sum; j++) {
            term *= c2 * (2.0 * j - 1) / (2.0 * j);
            sum += term;
        }
        return s * sum;
    }

    /** The t value with {@code P(|T| <= t) = confidence}, e.g. 2.093024 for 95% and 19 degrees of freedom. */
    public static double twoSidedStudent(double confidence, long df) {
        if (df >= 1000) {
            // Cornish-Fisher expansion in 1/df (Abramowitz & Stegun 26.7.5): error far below 1e-12 here, where the
            // finite series would need df/2 terms per evaluation
            double x = twoSidedNormal(confidence);
            double x2 = x * x;
            double g1 = (x2 + 1) * x / 4;
            double g2 = ((5 * x2 + 16) * x2 + 3) * x / 96;
            double g3 = (((3 * x2 + 19) * x2 + 17) * x2 - 15) * x / 384;
            double g4 = ((((79 * x2 + 776) * x2 + 1482) * x2 - 1920) * x2 - 945) * x / 92160;
            double v = df;
            return x + g1 / v + g2 / (v * v) + g3 / (v * v * v) + g4 / (v * v * v * v);
        }
        double lo = 0;
        double hi = Math.max(1, twoSidedNormal(confidence));
        while (studentCentral(hi, df) < confidence) {
            lo = hi;
            hi *= 2;
        }
        // Illinois (modified regula falsi): bracketed and fast
        double flo = studentCentral(lo, df) - confidence;
        double fhi = studentCentral(hi, df) - confidence;
        int side = 0;
        for (int i = 0; i < 200 && hi - lo > 1e-15 * hi; i++) {
            double x = (lo * fhi - hi * flo) / (fhi - flo);
            double fx = studentCentral(x, df) - confidence;
            if (fx == 0) {
                return x;
            }
            if (fx > 0) {
                hi = x;
                fhi = fx;
                if (side == 1) {
                    flo /= 2;
                }
                side = 1;
            } else {
                lo = x;
                flo = fx;
                if (side == -1) {
                    fhi /= 2;
                }
                side = -1;
            }
        }
        return (lo + hi) / 2;
    }

    /** Wilson's score interval for {@code successes} out of {@code n}: {lower, upper}. */
    public static double[] wilson(double successes, double n, double confidence) {
        double z = twoSidedNormal(confidence);
        double p = successes / n;
        double z2 = z * z;
        double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
        double half = z / (1 + z2 / n) * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n));
        // at 0 or n successes the limit on that side is exactly 0 or 1; rounding would leave 1e-16 off
        return new double[] {successes == 0 ? 0 : Math.max(0, centre - half), successes == n ? 1 : Math.min(1, centre + half)};
    }

    /** {@code P(X > x)} for a chi-square variable with {@code df} (whole, 1 or more) degrees of freedom. */
    public static double chiSquareSurvival(double x, int df) {
        if (df < 1) {
            throw new IllegalArgumentException("degrees of freedom must be 1 or more: " + df);
        }
        if (x <= 0) {
            return 1;
        }
        double half = x / 2;
        if (df % 2 == 0) {
            double term = Math.exp(-half);
            double sum = term;
            for (int i = 1; i < df / 2; i++) {
                term *= half / i;
                sum += term;
            }
            return Math.min(1, sum);
        }
        double root = Math.sqrt(x);
        double sum = 0;
        double term = root * Math.exp(-half) * Math.sqrt(2 / Math.PI);
        for (int i = 1; i <= (df - 1) / 2; i++) {
            sum += term;
            term *= x / (2 * i + 1);
        }
        return Math.min(1, twoSidedP(root) + sum);
    }

    /** Two-sided p-value of Student's t with {@code df} (any positive real) degrees of freedom: I_{df/(df+t^2)}(df/2, 1/2). */
    public static double studentTwoSidedP(double t, double df) {
        if (!(df > 0) || Double.isNaN(t)) {
            return Double.NaN;
        }
        return regularizedBeta(df / (df + t * t), df / 2, 0.5);
    }

    /** The regularised incomplete beta function I_x(a, b), by Lentz's continued fraction (Numerical Recipes 6.4). */
    private static double regularizedBeta(double x, double a, double b) {
        if (x <= 0) {
            return 0;
        }
        if (x >= 1) {
            return 1;
        }
        double front = Math.exp(logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log1p(-x));
        if (x > (a + 1) / (a + b + 2)) {
            return 1 - front * betaFraction(1 - x, b, a) / b;
        }
        return front * betaFraction(x, a, b) / a;
    }

    private static double betaFraction(double x, double a, double b) {
        double tiny = 1e-300;
        double c = 1;
        double d = 1 - (a + b) * x / (a + 1);
        d = Math.abs(d) < tiny ? tiny : d;
        d = 1 / d;
        double h = d;
        for (int m = 1; m <= 10_000; m++) {
            int m2 = 2 * m;
            double num = m * (b - m) * x / ((a + m2 - 1) * (a + m2));
            d = 1 + num * d;
            d = Math.abs(d) < tiny ? tiny : d;
            c = 1 + num / c;
            c = Math.abs(c) < tiny ? tiny : c;
            d = 1 / d;
            h *= d * c;
            num = -(a + m) * (a + b + m) * x / ((a + m2) * (a + m2 + 1));
            d = 1 + num * d;
            d = Math.abs(d) < tiny ? tiny : d;
            c = 1 + num / c;
            c = Math.abs(c) < tiny ? tiny : c;
            d = 1 / d;
            double delta = d * c;
            h *= delta;
            if (Math.abs(delta - 1) < 1e-16) {
                break;
            }
        }
        return h;
    }

    /** log Gamma(x) for x > 0: Lanczos (g = 607/128, 15 terms; Godfrey's coefficients), relative error about 1e-15. */
    private static double logGamma(double x) {
        double[] c = {0.99999999999999709182, 57.156235665862923517, -59.597960355475491248, 14.136097974741747174,
            -0.49191381609762019978, .33994649984811888699e-4, .46523628927048575665e-4, -.98374475304879564677e-4,
            .15808870322491248884e-3, -.21026444172410488319e-3, .21743961811521264320e-3, -.16431810653676389022e-3,
            .84418223983852743293e-4, -.26190838401581408670e-4, .36899182659531622704e-5};
        double g = 607.0 / 128;
        double sum = c[0];
        for (int i = 1; i < c.length; i++) {
            sum += c[i] / (x + i - 1);
        }
        double t = x + g - 0.5;
        return 0.5 * Math.log(2 * Math.PI) + (x - 0.5) * Math.log(t) - t + Math.log(sum);
    }
}
