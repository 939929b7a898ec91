package org.lightbox.store.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.lightbox.model.ImageFormat;
import org.lightbox.model.ImageRecord;
import org.lightbox.model.Project;
import org.lightbox.model.ReadValue;
import org.lightbox.model.ReaderRole;
import org.lightbox.model.Sex;
import org.lightbox.model.ViewPosition;
import org.lightbox.store.ImageQuery;
import org.lightbox.store.ImageQuery.FindingCondition;
import org.lightbox.store.ImageQuery.Sort;
import org.lightbox.store.ProjectSession;
import org.lightbox.store.ProjectStore;
import org.lightbox.store.StoreLocation;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

/**
 * The image queries at CXR14's real scale: all 112,120 rows of {@code Data_Entry_2017_v2020.csv.gz} in SQLite,
 * with the Google panel's 13,081 Pneumothorax reads. Counts are checked against zcat | awk (commands beside
 * them, run in {@code shared/data/cxr14}, D="zcat Data_Entry_2017_v2020.csv.gz"); times are measured and
 * printed as a table, never asserted (a shared 2-core machine makes them noisy).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("SQLite image queries on all 112,120 CXR14 images")
class ImageQueryScaleTest {

    private Path dir;
    private ProjectSession session;
    private ServiceTracker<ProjectStore, ProjectStore> tracker;
    private final List<String> table = new ArrayList<>();

    @BeforeAll
    void importAll() throws Exception {
        Path data = GooglePanelSample.dataFolder();
        Path entries = data == null ? null : data.resolve("cxr14/Data_Entry_2017_v2020.csv.gz");
        Path reads = data == null ? null : data.resolve("expert-labels/four-findings/individual_readers.csv");
        assumeTrue(entries != null && Files.isRegularFile(entries) && Files.isRegularFile(reads),
                "CXR14 Data_Entry or the Google reads not found under " + data + " (system property lightbox.shared): skipped");
        var context = FrameworkUtil.getBundle(ImageQueryScaleTest.class).getBundleContext();
        tracker = new ServiceTracker<>(context, context.createFilter("(&(objectClass=" + ProjectStore.class.getName()
                + ")(" + ProjectStore.KIND_PROPERTY + "=sqlite))"), null);
        tracker.open();
        ProjectStore store = tracker.waitForService(10_000);
        dir = Files.createTempDirectory("lightbox-scale-");
        Project project = Cxr14Sample.project();
        List<String[]> calls = Files.readAllLines(reads).stream().skip(1).map(l -> l.strip().split(",")).toList();
        calls.stream().map(c -> c[2]).distinct()
                .forEach(id -> project.getReaders().add(Fixtures.reader(id, null, ReaderRole.RADIOLOGIST, null)));
        long start = System.nanoTime();
        session = store.create(new StoreLocation.SqliteFile(dir.resolve("cxr14.lightbox")), project);
        Map<String, ImageRecord> byId = new HashMap<>();
        List<ImageRecord> batch = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(entries)), StandardCharsets.UTF_8))) {
            in.readLine();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                ImageRecord image = image(line.split(","), session.project());
                byId.put(image.getImageId(), image);
                batch.add(image);
                if (batch.size() == 5000) {
                    session.addImages(batch);
                    batch.clear();
                }
            }
        }
        session.addImages(batch);
        long imported = System.nanoTime();
        Project stored = session.project();
        session.inTransaction(tx -> {
            long at = Fixtures.T0;
            for (String[] c : calls) {
                tx.recordRead(Fixtures.read(Fixtures.reader(stored, c[2]), byId.get(c[1]),
                        Fixtures.finding(stored, "Pneumothorax"), c[4].equals("YES") ? ReadValue.PRESENT
                                : c[4].equals("NO") ? ReadValue.ABSENT : ReadValue.UNCERTAIN, at++));
            }
            return null;
        });
        System.out.printf("SQLite: 112,120 images imported in %d ms, %d reads recorded in %d ms%n",
                (imported - start) / 1_000_000, calls.size(), (System.nanoTime() - imported) / 1_000_000);
    }

    private static ImageRecord image(String[] f, Project project) {
        // Image Index, Finding Labels, Follow-up #, Patient ID, Patient Age, Patient Gender, View Position, …
        ImageRecord image = Fixtures.bareImage(f[0]);
        image.setFormat(ImageFormat.PNG);
        image.setFollowUp(Integer.parseInt(f[2]));
        image.setPatientKey(f[3]);
        image.setPatientAge(Integer.parseInt(f[4]));
        image.setPatientSex(f[5].equals("M") ? Sex.MALE : Sex.FEMALE);
        image.setViewPosition(ViewPosition.get(f[6]));
        if (!f[1].equals("No Finding")) {
            Arrays.stream(f[1].split("\\|")).forEach(code -> image.getSourceLabels().add(
                    Fixtures.sourceLabel(Fixtures.finding(project, code), ReadValue.PRESENT, "NLP", null)));
        }
        return image;
    }

    @AfterAll
    void cleanUp() throws IOException {
        if (session != null) {
            session.close();
        }
        if (tracker != null) {
            tracker.close();
        }
        if (dir != null) {
            try (Stream<Path> paths = Files.walk(dir)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
        if (!table.isEmpty()) {
            System.out.println("| query | count | ms count (median of 15) | page of 100 | ms page (median of 15) |");
            System.out.println("| --- | ---: | ---: | --- | ---: |");
            table.forEach(System.out::println);
        }
    }

    private static final ImageQuery EFFUSION = ImageQuery.builder()
            .finding(FindingCondition.source("Effusion", ReadValue.PRESENT)).build();

    @Test
    @DisplayName("counts of label, metadata and reader filters on 112,120 images match zcat | awk")
    void countsMatchTheLabelFile() {
        assertEquals(112_120, timed("all images", ImageQuery.ALL, 0));
        // $D | awk -F, 'NR>1 && $2 ~ /Effusion/' | wc -l
        assertEquals(13_317, timed("Effusion present (source)", EFFUSION.sortedBy(Sort.PATIENT, false), 0));
        assertEquals(112_120 - 13_317, timed("Effusion absent (source)", ImageQuery.builder()
                .finding(FindingCondition.source("Effusion", ReadValue.ABSENT)).build(), 50_000));
        // $D | awk -F, 'NR>1 && $6=="F" && $7=="PA" && $5>=40 && $5<=60' | wc -l
        assertEquals(14_756, timed("female, PA, age 40–60, by age descending", ImageQuery.builder().sex(Sex.FEMALE)
                .view(ViewPosition.PA).age(40, 60).sort(Sort.AGE, true).build(), 0));
        // $D | awk -F, 'NR>1 && $2 ~ /Effusion/ && $6=="M"' | wc -l
        assertEquals(7_435, timed("Effusion, male, by number of findings", EFFUSION.toBuilder().sex(Sex.MALE)
                .sort(Sort.SOURCE_LABELS, true).build(), 0));
        // $D | awk -F, 'NR>1 && $2 ~ /Pneumothorax/ && $7=="AP" && $5<=20' | wc -l
        assertEquals(229, timed("Pneumothorax, AP, age ≤ 20", ImageQuery.builder()
                .finding(FindingCondition.source("Pneumothorax", ReadValue.PRESENT)).view(ViewPosition.AP).age(null, 20)
                .build(), 0));
        // R=../expert-labels/four-findings/individual_readers.csv
        // awk -F, 'NR>1 && $3=="4323195249"{print $2}' $R | sort -u | wc -l
        assertEquals(2_315, timed("read by 4323195249", ImageQuery.builder().readBy("4323195249").build(), 0));
        assertEquals(112_120 - 2_315, timed("unread by 4323195249", ImageQuery.builder().unreadBy("4323195249")
                .build(), 100_000));
        // awk -F, 'NR>1{print $2","$3}' $R | sort -u | cut -d, -f1 | uniq -c | awk '$1>=3' | wc -l
        assertEquals(4_327, timed("read by ≥ 3 readers", ImageQuery.builder().readers(3, null).build(), 0));
        // join of the Effusion images with the images read by ≥ 3 readers
        assertEquals(644, timed("Effusion and read by ≥ 3 readers", EFFUSION.toBuilder().readers(3, null).build(), 0));
    }

    @Test
    @DisplayName("pages deep into 112,120 images come in the order of sort on the label file")
    void deepPagesAreInOrder() {
        // $D | awk -F, 'NR>1{print $4, $3, NR, $1}' | LC_ALL=C sort -k1,1 -k2,2n -k3,3n | sed -n '100001,100003p'
        timed("all, by patient, page at 100,000", ImageQuery.ALL.sortedBy(Sort.PATIENT, false), 100_000);
        assertEquals(List.of("00007047_000.png", "00007048_000.png", "00007048_001.png"),
                ids(session.images(ImageQuery.ALL.sortedBy(Sort.PATIENT, false), 100_000, 3)));
        // $D | awk -F, 'NR>1{print $5, NR, $1}' | sort -k1,1nr -k2,2nr | head -3
        assertEquals(List.of("00014456_000.png", "00000143_002.png", "00000143_001.png"),
                ids(session.images(ImageQuery.ALL.sortedBy(Sort.AGE, true), 0, 3)));
        // $D | awk -F, 'NR>1{n=($2=="No Finding")?0:split($2,a,"|"); print n, NR, $1}' | sort -k1,1nr -k2,2nr | head -3
        assertEquals(List.of("00025262_000.png", "00020622_003.png", "00019924_031.png"),
                ids(session.images(ImageQuery.ALL.sortedBy(Sort.SOURCE_LABELS, true), 0, 3)));
    }

    /** Measures count and a page of 100 at {@code offset}; returns the count. */
    private long timed(String what, ImageQuery query, long offset) {
        long count = session.count(query);
        double countMs = median(() -> session.count(query));
        double pageMs = median(() -> session.images(query, offset, 100));
        table.add(String.format("| %s | %,d | %.1f | at %,d | %.1f |", what, count, countMs, offset, pageMs));
        return count;
    }

    private static double median(Supplier<?> work) {
        for (int i = 0; i < 3; i++) {
            work.get();
        }
        double[] ms = new double[15];
        for (int i = 0; i < ms.length; i++) {
            long start = System.nanoTime();
            work.get();
            ms[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(ms);
        return ms[ms.length / 2];
    }

    private static List<String> ids(List<ImageRecord> images) {
        return images.stream().map(ImageRecord::getImageId).toList();
    }
}
