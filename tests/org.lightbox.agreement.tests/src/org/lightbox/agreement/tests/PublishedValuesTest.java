package org.lightbox.agreement.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.lightbox.agreement.tests.SharedData.assertPrinted;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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
import org.lightbox.agreement.internal.FleissKappa;
import org.lightbox.agreement.internal.KrippendorffAlpha;

/**
 * Every published value listed for {@code shared/data/agreement/} in its README, reproduced to its printed precision,
 * plus Krippendorff's own worked example for the ordinal and ratio levels.
 */
class PublishedValuesTest {

    private static final AgreementOptions OPTIONS = AgreementOptions.DEFAULT;

    @TempDir
    Path dir;

    private static RatingTable read(String name, Layout layout, boolean transpose) throws IOException {
        return RatingFiles.read(SharedData.file("agreement", name), layout, Level.NOMINAL, transpose).get("");
    }

    @Test
    @DisplayName("Fleiss' kappa of the 1971 diagnoses table (30 patients, 6 psychiatrists) is 0.430; R irr prints 0.4302445 and z = 17.65183")
    void fleiss1971() throws IOException {
        Estimate kappa = new FleissKappa().estimate(read("fleiss1971_diagnoses_30x6.csv", Layout.WIDE, false));
        assertPrinted("0.430", kappa.value(), "Fleiss 1971");
        assertPrinted("0.4302445", kappa.value(), "R irr kappam.fleiss");
        assertPrinted("17.65183", kappa.detail("z").orElseThrow(), "R irr z");
        assertEquals(30, kappa.n().subjects());
        assertEquals(6, kappa.n().raters());
        assertEquals(30 * 15, kappa.n().pairs());
    }

    @Test
    @DisplayName("Fleiss' kappa of Wikipedia's example (10 subjects, counts of 14 raters in 5 categories) is 0.210")
    void fleissWikipedia() throws IOException {
        Estimate kappa = new FleissKappa().estimate(read("fleiss_wikipedia_example_10x5counts_14raters.csv", Layout.COUNTS, false));
        assertPrinted("0.210", kappa.value(), "Wikipedia Fleiss example");
        assertEquals(10, kappa.n().subjects());
    }

    @Test
    @DisplayName("Cohen's kappa of SAS's 3x3 table is 0.4842 with ASE 0.1380 and 95% CI 0.2137 to 0.7547; linear-weighted 0.4701")
    void sasCohen() throws IOException {
        RatingTable table = read("sas_table10_cohen_3x3.csv", Layout.TABLE, false);
        Estimate kappa = new CohenKappa().estimate(table, OPTIONS);
        assertPrinted("0.4842", kappa.value(), "SAS simple kappa");
        assertPrinted("0.1380", kappa.standardError(), "SAS ASE");
        Interval ci = kappa.interval().orElseThrow();
        assertPrinted("0.2137", ci.lower(), "SAS lower limit");
        assertPrinted("0.7547", ci.upper(), "SAS upper limit");
        assertEquals(19, kappa.n().subjects());
        assertPrinted("0.4701", new CohenKappa().estimate(table, OPTIONS.withWeights(Weights.LINEAR)).value(), "SAS weighted kappa");
    }

    /**
     * The README lists these under "raters 1,2", but they are R irr's {@code kappa2} for the second and third raters
     * (columns rater2, rater3): raters 1 and 2 give 0.1195, 0.1892 and 0.2968, the last being the 0.297 that irr's own
     * manual prints for {@code kappa2(anxiety[,1:2], "squared")}. statsmodels agrees on both pairs (see
     * StatsmodelsReferenceTest).
     */
    @Test
    @DisplayName("Cohen's kappa of irr's anxiety raters 2 and 3 is -0.006289, linear-weighted 0.1459, squared 0.2520")
    void anxietyCohen() throws IOException {
        RatingTable pair = read("irr_anxiety_20x3.csv", Layout.WIDE, false).selectRaters(1, 2);
        assertPrinted("-0.006289", new CohenKappa().estimate(pair, OPTIONS).value(), "irr kappa2 unweighted");
        assertPrinted("0.1459", new CohenKappa().estimate(pair, OPTIONS.withWeights(Weights.LINEAR)).value(), "irr kappa2 equal");
        assertPrinted("0.2520", new CohenKappa().estimate(pair, OPTIONS.withWeights(Weights.QUADRATIC)).value(), "irr kappa2 squared");
    }

    @Test
    @DisplayName("Krippendorff's alpha of Wikipedia's 3 coders x 15 units with missing values is 0.691358 nominal and 0.810845 interval")
    void krippendorffWikipedia() throws IOException {
        RatingTable table = read("krippendorff_wikipedia_example_3coders_15units.csv", Layout.WIDE, true);
        assertPrinted("0.691358", new KrippendorffAlpha().estimate(table).value(), "nominal alpha");
        Estimate interval = new KrippendorffAlpha().estimate(table.withLevel(Level.INTERVAL));
        assertPrinted("0.810845", interval.value(), "interval alpha");
        assertEquals(12, interval.n().subjects(), "units 1, 2 and 14 have fewer than two values");
        assertEquals(3, interval.n().raters());
    }

    /** Krippendorff (2011), "Computing Krippendorff's alpha-reliability", the 4 observers x 12 units example. */
    @Test
    @DisplayName("Krippendorff's alpha of his 2011 worked example is 0.743 nominal, 0.815 ordinal, 0.849 interval and 0.797 ratio")
    void krippendorff2011() throws IOException {
        Path file = dir.resolve("krippendorff2011.csv");
        Files.writeString(file, """
                observer,u1,u2,u3,u4,u5,u6,u7,u8,u9,u10,u11,u12
                A,1,2,3,3,2,1,4,1,2,,,
                B,1,2,3,3,2,2,4,1,2,5,,3
                C,,3,3,3,2,3,4,2,2,5,1,
                D,1,2,3,3,2,4,4,1,2,5,1,
                """);
        RatingTable table = RatingFiles.read(file, Layout.WIDE, Level.NOMINAL, true).get("");
        KrippendorffAlpha alpha = new KrippendorffAlpha();
        assertPrinted("0.743", alpha.estimate(table).value(), "nominal");
        assertPrinted("0.815", alpha.estimate(table.withLevel(Level.ORDINAL)).value(), "ordinal");
        assertPrinted("0.849", alpha.estimate(table.withLevel(Level.INTERVAL)).value(), "interval");
        assertPrinted("0.797", alpha.estimate(table.withLevel(Level.RATIO)).value(), "ratio");
    }

    @Test
    @DisplayName("Altman & Bland's liver scans give sensitivity 0.8953, specificity 0.6279 and DOR 14.4375 (Woolf 95% CI 7.99 to 26.09)")
    void altmanBland() throws IOException {
        DiagnosticAccuracy scan = DiagnosticAccuracy.of(
                RatingFiles.readTable(SharedData.file("agreement", "altman_bland_1994_liver_scan_2x2.csv"), Level.NOMINAL),
                "disease_present", 0.95);
        assertEquals(231, scan.truePositives());
        assertEquals(54, scan.trueNegatives());
        assertPrinted("0.8953", scan.sensitivity().value(), "sensitivity");
        assertEquals(258, scan.sensitivity().n().subjects());
        assertPrinted("0.6279", scan.specificity().value(), "specificity");
        assertEquals(86, scan.specificity().n().subjects());
        assertPrinted("14.4375", scan.diagnosticOddsRatio().value(), "DOR");
        assertPrinted("7.99", scan.diagnosticOddsRatio().interval().orElseThrow().lower(), "Woolf lower");
        assertPrinted("26.09", scan.diagnosticOddsRatio().interval().orElseThrow().upper(), "Woolf upper");
    }

    @Test
    @DisplayName("The analysis service reports on the diagnoses table the same Fleiss kappa and z, with a seeded bootstrap interval")
    void analysisAgrees() throws IOException {
        AgreementReport report = new DefaultAgreementAnalysis().analyse(read("fleiss1971_diagnoses_30x6.csv", Layout.WIDE, false), OPTIONS);
        Estimate kappa = report.get("Fleiss' kappa");
        assertPrinted("0.4302445", kappa.value(), "Fleiss kappa in the report");
        assertPrinted("17.65183", kappa.detail("z").orElseThrow(), "z in the report");
        Interval ci = kappa.interval().orElseThrow();
        assertEquals(true, ci.lower() < kappa.value() && kappa.value() < ci.upper(), ci.toString());
        assertEquals(true, ci.method().startsWith("percentile bootstrap, 1,000 resamples of 30 subjects, seed 1"), ci.method());
        assertEquals(15, report.pairs().size());
        assertEquals(5, report.perCategory().size());
    }
}
