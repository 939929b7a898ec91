package org.lightbox.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Date;
import java.util.Enumeration;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lightbox.model.Finding;
import org.lightbox.model.ImageRecord;
import org.lightbox.model.LightboxFactory;
import org.lightbox.model.Read;
import org.lightbox.model.Reader;
import org.lightbox.ui.internal.reading.Throughput;
import org.osgi.framework.FrameworkUtil;

/** Reading throughput's intervals against SciPy (fixtures/throughput/make-intervals.py wrote intervals.csv). */
class ThroughputTest {

    @Test
    @DisplayName("the images-per-minute interval is within 1 % of SciPy's exact Poisson interval for n = 5, 10, 50, 200")
    void poissonIntervalMatchesTheExactOne() throws IOException {
        int checked = 0;
        for (String[] row : fixture()) {
            if (row[0].equals("poisson")) {
                double[] ci = Throughput.poissonInterval(Integer.parseInt(row[1]));
                assertEquals(Double.parseDouble(row[2]), ci[0], 0.01 * Double.parseDouble(row[2]), "lower, n=" + row[1]);
                assertEquals(Double.parseDouble(row[3]), ci[1], 0.01 * Double.parseDouble(row[3]), "upper, n=" + row[1]);
                checked++;
            }
        }
        assertEquals(4, checked);
    }

    @Test
    @DisplayName("the seconds-per-decision interval equals SciPy's t interval of the mean")
    void meanIntervalMatchesScipy() throws IOException {
        double[][] samples = {{1, 2, 3, 4, 5}, {0.8, 1.1, 0.9, 2.5, 1.2, 0.7, 4.1, 1.0}};
        List<String[]> rows = fixture().stream().filter(r -> r[0].startsWith("mean")).toList();
        for (int i = 0; i < samples.length; i++) {
            double[] ci = Throughput.meanInterval(samples[i]);
            assertEquals(Double.parseDouble(rows.get(i)[2]), ci[1], 1e-3, rows.get(i)[0]);
            assertEquals(Double.parseDouble(rows.get(i)[3]), ci[2], 1e-3, rows.get(i)[0]);
        }
    }

    @Test
    @DisplayName("a pause of more than ten minutes starts a new session; images are counted once per session")
    void sessionsSplitAtLongPauses() {
        LightboxFactory f = LightboxFactory.eINSTANCE;
        Reader reader = f.createReader();
        reader.setId("r1");
        Finding finding = f.createFinding();
        finding.setCode("Effusion");
        List<Read> reads = new ArrayList<>();
        long t0 = 1_700_000_000_000L;
        long[] at = {0, 2_000, 4_000, 6_000, 6_000 + 11 * 60_000, 6_000 + 11 * 60_000 + 3_000};
        String[] image = {"a", "b", "b", "c", "d", "e"};
        for (int i = 0; i < at.length; i++) {
            ImageRecord record = f.createImageRecord();
            record.setImageId(image[i]);
            Read read = f.createRead();
            read.setReader(reader);
            read.setImage(record);
            read.setFinding(finding);
            read.setReadAt(new Date(t0 + at[i]));
            read.setDurationMillis(2_000);
            reads.add(read);
        }
        List<Throughput.Session> sessions = Throughput.of(reads);
        assertEquals(2, sessions.size());
        assertEquals(3, sessions.get(0).images());
        assertEquals(4, sessions.get(0).decisions());
        assertEquals(3 / (8_000 / 60_000.0), sessions.get(0).imagesPerMinute(), 1e-9, "3 images in 8 s");
        assertEquals(2.0, sessions.get(0).secondsPerDecision(), 1e-9);
        assertEquals(2, sessions.get(1).images());
    }

    private static List<String[]> fixture() throws IOException {
        Enumeration<URL> found = FrameworkUtil.getBundle(ThroughputTest.class).findEntries("fixtures/throughput",
                "intervals.csv", false);
        assertNotNull(found, "fixtures/throughput/intervals.csv is missing");
        try (InputStream in = found.nextElement().openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().skip(1).map(l -> l.split(","))
                    .toList();
        }
    }
}
