package org.lightbox.agreement.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lightbox.agreement.AgreementOptions;
import org.lightbox.agreement.AgreementReport;
import org.lightbox.agreement.Estimate;
import org.lightbox.agreement.RatingTable;
import org.lightbox.agreement.internal.DefaultAgreementAnalysis;
import org.lightbox.agreement.internal.FleissKappa;

/**
 * Agreement of real radiologists on CXR14 images (Google's expert labels), per finding, with references from outside:
 * <p>
 * Fleiss' kappa from Debian's python3-statsmodels 0.13.5 ({@code fleiss_kappa} needs the same number of readers for
 * every image, so on the four-findings set it is checked on the 4,327 images with exactly three readers):
 *
 * <pre>
 * # four findings: /usr/bin/python3 four_fleiss.py
 * rows = list(csv.DictReader(open('shared/data/expert-labels/four-findings/individual_readers.csv')))
 * for f in ['Fracture', 'Pneumothorax', 'Airspace opacity', 'Nodule/mass']:
 *     reads = {}
 *     for r in rows:
 *         reads.setdefault(r['Image ID'], {})[r['Reader ID']] = r[f]   # a later row replaces an earlier one
 *     cats = sorted({v for d in reads.values() for v in d.values()})
 *     three = [[list(d.values()).count(c) for c in cats] for d in reads.values() if len(d) == 3]
 *     print(f, cats, len(three), '%.12f' % fleiss_kappa(np.array(three)))
 * # all findings: /usr/bin/python3 all_fleiss.py
 * rows = list(csv.DictReader(open('shared/data/expert-labels/all-findings/test_individual_readers.csv')))
 * for f in list(rows[0].keys())[3:]:
 *     reads = {}
 *     for r in rows:
 *         reads.setdefault(r['Image ID'], []).append(r[f])
 *     cats = sorted({v for l in reads.values() for v in l})
 *     table = np.array([[l.count(c) for c in cats] for l in reads.values()])
 *     print(f, len(table), '%.12f' % fleiss_kappa(table))
 * </pre>
 *
 * Krippendorff's alpha (nominal, missing reads allowed) from the npm package krippendorff 0.1.0 (Max Schaefer, MIT),
 * {@code npm install krippendorff@0.1.0 && node kripp_reads.js}, which builds a readers x images matrix with
 * {@code undefined} for missing reads (a later row replacing an earlier one) and prints {@code alpha(matrix).toFixed(12)}
 * per finding. The outputs are the constants below.
 */
class ExpertReadsTest {

    private static final double PRINTED = 0.6e-12; // half a unit in the last printed digit, and the rounding of the print

    /** statsmodels fleiss_kappa, four findings, images with exactly 3 readers (4,327 each). */
    private static final Map<String, Double> FOUR_FLEISS_3 = Map.of("Fracture", 0.201979162366, "Pneumothorax", 0.449748199833,
            "Airspace opacity", 0.613717667026, "Nodule/mass", 0.428767036602);
    /** npm krippendorff, four findings, all images. */
    private static final Map<String, Double> FOUR_ALPHA = Map.of("Fracture", 0.197900461340, "Pneumothorax", 0.447002025076,
            "Airspace opacity", 0.613431647893, "Nodule/mass", 0.428313648380);
    private static final List<String> ALL = List.of("Abnormal", "Atelectasis", "Cardiomegaly", "Effusion", "Infiltration", "Mass",
            "Nodule", "Pneumonia", "Pneumothorax", "Consolidation", "Edema", "Emphysema", "Fibrosis", "Pleural Thickening", "Hernia",
            "Other");
    /** statsmodels fleiss_kappa, all findings, 810 images x 5 readers, in the order of ALL. */
    private static final double[] ALL_FLEISS = {0.598619061909, 0.312894719695, 0.328066621060, 0.574212655059, 0.151112856600,
            0.561542177967, 0.454197765398, 0.037444759421, 0.655253032526, 0.275737517360, 0.160751784210, 0.041933835585,
            0.219726219726, 0.167747728892, 0.194029850746, 0.113358997461};
    /** npm krippendorff, all findings, in the order of ALL. */
    private static final double[] ALL_ALPHA = {0.598718168314, 0.313064375320, 0.328232530536, 0.574317787736, 0.151322458364,
            0.561650439158, 0.454332531382, 0.037682427382, 0.655338155234, 0.275916347602, 0.160959005992, 0.042170395132,
            0.219918879919, 0.167953223280, 0.194228855721, 0.113577921165};

    private static final String HEADER = String.format("%-20s %6s %-26s %-26s %-26s %s", "finding", "images", "Fleiss kappa (95% CI)",
            "Krippendorff alpha (95% CI)", "Gwet AC1 (95% CI)", "PABAK (95% CI)");

    private static String row(String finding, AgreementReport report) {
        return String.format("%-20s %6d %-26s %-26s %-26s %s", finding, report.get("Fleiss' kappa").n().subjects(),
                Report.cell(report.get("Fleiss' kappa")), Report.cell(report.get("Krippendorff's alpha")),
                Report.cell(report.get("Gwet's AC1")), Report.cell(report.get("PABAK")));
    }

    @Test
    @DisplayName("Four findings (4,376 images, 22 radiologists, 1 to 3 readers per image): Fleiss matches statsmodels on the"
            + " 3-reader images, Krippendorff's alpha matches the npm package on all images")
    void fourFindings() throws IOException {
        ExpertReads.Tables tables = ExpertReads.fourFindings(SharedData.file("expert-labels", "four-findings", "individual_readers.csv"));
        assertEquals(4, tables.repeatedReads(), "image/reader pairs read twice");
        RatingTable fracture = tables.byFinding().get("Fracture");
        assertEquals(4376, fracture.subjectCount());
        assertEquals(22, fracture.raterCount());
        assertArrayEquals(new int[] {0, 2, 47, 4327}, java.util.Arrays.copyOf(ExpertReads.readerCounts(fracture), 4));
        StringBuilder out = new StringBuilder(String.format("%nFour findings, %,d images of %,d patients, 22 radiologists; readers per"
                + " image 1 (2 images), 2 (47), 3 (4,327); bootstrap by patient, 1,000 resamples, seed 1%n", fracture.subjectCount(),
                fracture.clusters().stream().distinct().count()));
        out.append(HEADER).append(String.format("  Fleiss, 3-reader images%n"));
        AgreementReport fractureReport = null;
        for (String finding : ExpertReads.FOUR_FINDINGS) {
            RatingTable table = tables.byFinding().get(finding);
            Estimate three = new FleissKappa().estimate(ExpertReads.withReaders(table, 3), AgreementOptions.DEFAULT.withReplicates(0));
            assertEquals(FOUR_FLEISS_3.get(finding), three.value(), PRINTED, finding + ": statsmodels on the 3-reader images");
            assertEquals(4327, three.n().subjects());
            AgreementReport report = new DefaultAgreementAnalysis().analyse(table, AgreementOptions.DEFAULT);
            fractureReport = fractureReport == null ? report : fractureReport;
            Estimate alpha = report.get("Krippendorff's alpha (nominal)");
            assertEquals(FOUR_ALPHA.get(finding), alpha.value(), PRINTED, finding + ": npm krippendorff on all images");
            assertEquals(4374, alpha.n().subjects(), "the 2 single-read images are not pairable");
            Estimate fleiss = report.get("Fleiss' kappa");
            assertTrue(fleiss.detail("z").isEmpty() && !fleiss.notes().isEmpty(), "no z, and a note, when reader counts vary");
            assertTrue(report.get("Fleiss' kappa").interval().orElseThrow().method().contains("1,695 patients"));
            out.append(row(finding, report)).append(String.format("  %.4f%n", three.value()));
        }
        out.append("How irregular reader counts are handled (notes of the Fracture report):\n");
        fractureReport.notes().forEach(note -> out.append("  ").append(note).append('\n'));
        fractureReport.overall().forEach(e -> e.notes().forEach(note -> out.append("  ").append(e.statistic()).append(": ").append(note).append('\n')));
        System.out.println(out);
    }

    @Test
    @DisplayName("All findings (810 PA images x 5 radiologists): Fleiss' kappa matches statsmodels and Krippendorff's alpha the npm"
            + " package for Abnormal, the 14 findings and Other")
    void allFindings() throws IOException {
        ExpertReads.Tables tables = ExpertReads.allFindings(SharedData.file("expert-labels", "all-findings", "test_individual_readers.csv"));
        assertEquals(0, tables.repeatedReads());
        assertEquals(ALL, List.copyOf(tables.byFinding().keySet()));
        StringBuilder out = new StringBuilder(String.format("%nAll findings, 810 PA images of %d patients x 5 radiologists; bootstrap by"
                + " patient, 1,000 resamples, seed 1%n", tables.byFinding().get("Abnormal").clusters().stream().distinct().count()));
        out.append(HEADER).append('\n');
        for (int f = 0; f < ALL.size(); f++) {
            RatingTable table = tables.byFinding().get(ALL.get(f));
            assertEquals(810, table.subjectCount());
            assertEquals(5, table.raterCount());
            AgreementReport report = new DefaultAgreementAnalysis().analyse(table, AgreementOptions.DEFAULT);
            assertEquals(ALL_FLEISS[f], report.get("Fleiss' kappa").value(), PRINTED, ALL.get(f) + ": statsmodels");
            assertEquals(ALL_ALPHA[f], report.get("Krippendorff's alpha").value(), PRINTED, ALL.get(f) + ": npm krippendorff");
            assertTrue(report.get("Fleiss' kappa").detail("z").isPresent(), "5 readers everywhere: the z test applies");
            assertEquals(10, report.pairs().size());
            out.append(row(ALL.get(f), report)).append('\n');
        }
        System.out.println(out);
    }
}
