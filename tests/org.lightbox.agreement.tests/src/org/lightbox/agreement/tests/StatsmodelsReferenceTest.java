package org.lightbox.agreement.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lightbox.agreement.AgreementOptions;
import org.lightbox.agreement.AgreementReport;
import org.lightbox.agreement.DiagnosticAccuracy;
import org.lightbox.agreement.Estimate;
import org.lightbox.agreement.Interval;
import org.lightbox.agreement.Level;
import org.lightbox.agreement.RatingFiles;
import org.lightbox.agreement.RatingFiles.Layout;
import org.lightbox.agreement.RatingTable;
import org.lightbox.agreement.Weights;
import org.lightbox.agreement.internal.CohenKappa;
import org.lightbox.agreement.internal.DefaultAgreementAnalysis;

/**
 * Standard errors, z values and per-category kappas that the published tables do not print, checked against Debian's
 * python3-statsmodels 0.13.5 (numpy 1.24.2), run as {@code /usr/bin/python3 sm_cohen.py} with:
 *
 * <pre>
 * import csv, numpy as np
 * from statsmodels.stats.inter_rater import cohens_kappa, fleiss_kappa
 * from statsmodels.stats.proportion import proportion_confint
 * sas = np.array([[0, 4, 1], [0, 8, 0], [0, 1, 5]])
 * for wt in [None, 'linear', 'quadratic']:
 *     r = cohens_kappa(sas, wt=wt)
 *     print('sas', wt, '%.10f %.10f %.10f %.10f' % (r.kappa, r.std_kappa, r.std_kappa0, r.z_value))
 * rows = list(csv.reader(open('shared/data/agreement/irr_anxiety_20x3.csv')))[1:]
 * d = np.array([[int(v) for v in r[1:]] for r in rows])
 * lev = sorted(set(d[:, 1]) | set(d[:, 2])); ix = {v: i for i, v in enumerate(lev)}
 * t = np.zeros((len(lev), len(lev)))
 * for x, y in zip(d[:, 1], d[:, 2]): t[ix[x], ix[y]] += 1
 * for wt in [None, 'linear', 'quadratic']:
 *     r = cohens_kappa(t, wt=wt)
 *     print('anxiety23', wt, '%.10f %.10f %.10f %.10f' % (r.kappa, r.std_kappa, r.std_kappa0, r.z_value))
 * rows = list(csv.reader(open('shared/data/agreement/fleiss1971_diagnoses_30x6.csv')))[1:]
 * d = np.array([[int(v) for v in r[1:]] for r in rows])
 * counts = np.array([[list(r).count(c) for c in range(1, 6)] for r in d])
 * print('diagnoses', '%.10f' % fleiss_kappa(counts))
 * for c in range(5):
 *     two = np.stack([counts[:, c], 6 - counts[:, c]], axis=1)
 *     print('diagnoses category', c + 1, '%.10f' % fleiss_kappa(two))
 * for k, n in [(231, 258), (54, 86)]:
 *     print('wilson', k, n, '%.10f %.10f' % proportion_confint(k, n, alpha=0.05, method='wilson'))
 * </pre>
 *
 * which printed:
 *
 * <pre>
 * sas None 0.4841628959 0.1380135783 0.1483982819 3.2625909799
 * sas linear 0.4701195219 0.1457460451 0.1425850776 3.2971158675
 * sas quadratic 0.4501607717 0.1922326634 0.1879194683 2.3954983258
 * anxiety23 None -0.0062893082 0.1015728383 0.1041160729 -0.0604066980
 * anxiety23 linear 0.1459074733 0.1164141425 0.1137705222 1.2824716853
 * anxiety23 quadratic 0.2520325203 0.1870519963 0.1753328892 1.4374514754
 * diagnoses 0.4302445201
 * diagnoses category 1 0.2447552448
 * diagnoses category 2 0.2447552448
 * diagnoses category 3 0.5200000000
 * diagnoses category 4 0.4711272727
 * diagnoses category 5 0.5661178068
 * wilson 231 258 0.8520214062 0.9270759946
 * wilson 54 86 0.5223383164 0.7225374936
 * </pre>
 */
class StatsmodelsReferenceTest {

    private static final double PRINTED = 0.6e-10; // half a unit in the last printed digit, and the rounding of the print

    private static RatingTable read(String name, Layout layout) throws IOException {
        return RatingFiles.read(SharedData.file("agreement", name), layout, Level.NOMINAL, false).get("");
    }

    private static void assertCohen(RatingTable table, Weights weights, double kappa, double se, double z) {
        Estimate e = new CohenKappa().estimate(table, AgreementOptions.DEFAULT.withWeights(weights));
        assertEquals(kappa, e.value(), PRINTED, e.statistic());
        assertEquals(se, e.standardError(), PRINTED, e.statistic() + " ASE");
        assertEquals(z, e.detail("z").orElseThrow(), PRINTED, e.statistic() + " z (null ASE)");
        Interval ci = e.interval().orElseThrow();
        assertEquals(kappa - 1.959963984540054 * se, ci.lower(), 1e-9, "normal-theory interval");
    }

    @Test
    @DisplayName("Cohen's kappa of the SAS table, plain, linear and quadratic, has statsmodels' kappa, ASE and z to 10 decimals")
    void sasTable() throws IOException {
        RatingTable table = read("sas_table10_cohen_3x3.csv", Layout.TABLE);
        assertCohen(table, Weights.NONE, 0.4841628959, 0.1380135783, 3.2625909799);
        assertCohen(table, Weights.LINEAR, 0.4701195219, 0.1457460451, 3.2971158675);
        assertCohen(table, Weights.QUADRATIC, 0.4501607717, 0.1922326634, 2.3954983258);
    }

    @Test
    @DisplayName("Cohen's kappa of anxiety raters 2 and 3, plain, linear and quadratic, has statsmodels' kappa, ASE and z")
    void anxiety() throws IOException {
        RatingTable pair = read("irr_anxiety_20x3.csv", Layout.WIDE).selectRaters(1, 2);
        assertCohen(pair, Weights.NONE, -0.0062893082, 0.1015728383, -0.0604066980);
        assertCohen(pair, Weights.LINEAR, 0.1459074733, 0.1164141425, 1.2824716853);
        assertCohen(pair, Weights.QUADRATIC, 0.2520325203, 0.1870519963, 1.4374514754);
    }

    @Test
    @DisplayName("Fleiss' kappa of the diagnoses, overall and for each of the 5 categories, equals statsmodels' fleiss_kappa")
    void diagnosesPerCategory() throws IOException {
        AgreementReport report = new DefaultAgreementAnalysis().analyse(read("fleiss1971_diagnoses_30x6.csv", Layout.WIDE),
                AgreementOptions.DEFAULT.withReplicates(0));
        assertEquals(0.4302445201, report.get("Fleiss' kappa").value(), PRINTED);
        double[] expected = {0.2447552448, 0.2447552448, 0.5200000000, 0.4711272727, 0.5661178068};
        for (int c = 0; c < expected.length; c++) {
            Estimate e = report.perCategory().get(c);
            assertEquals("Fleiss' kappa, category " + (c + 1), e.statistic());
            assertEquals(expected[c], e.value(), PRINTED, e.statistic());
            // Fleiss, Nee & Landis: the null standard error of a category's kappa is sqrt(2 / (N m (m - 1)))
            assertEquals(expected[c] / Math.sqrt(2.0 / (30 * 6 * 5)), e.detail("z").orElseThrow(), 1e-8, e.statistic() + " z");
        }
    }

    @Test
    @DisplayName("The Wilson intervals of the liver-scan sensitivity and specificity equal statsmodels' proportion_confint")
    void wilson() throws IOException {
        DiagnosticAccuracy scan = DiagnosticAccuracy.of(
                RatingFiles.readTable(SharedData.file("agreement", "altman_bland_1994_liver_scan_2x2.csv"), Level.NOMINAL),
                "disease_present", 0.95);
        Interval sensitivity = scan.sensitivity().interval().orElseThrow();
        assertEquals(0.8520214062, sensitivity.lower(), PRINTED);
        assertEquals(0.9270759946, sensitivity.upper(), PRINTED);
        Interval specificity = scan.specificity().interval().orElseThrow();
        assertEquals(0.5223383164, specificity.lower(), PRINTED);
        assertEquals(0.7225374936, specificity.upper(), PRINTED);
        assertEquals("Wilson score", sensitivity.method());
    }
}
