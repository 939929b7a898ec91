package org.lightbox.model.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.GZIPInputStream;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lightbox.model.Candidate;
import org.lightbox.model.ConsensusLabel;
import org.lightbox.model.Finding;
import org.lightbox.model.ImageRecord;
import org.lightbox.model.Project;
import org.lightbox.model.Read;
import org.lightbox.model.ReadValue;
import org.lightbox.model.Reader;

class ModelRoundTripTest {

    @TempDir
    Path dir;

    @Test
    @DisplayName("A CXR14 project saved to XMI loads back equal, with all 14 findings in NIH order")
    void projectSurvivesXmiRoundTrip() throws IOException {
        Cxr14Fixture fixture = Cxr14Fixture.build();
        Path file = dir.resolve("project.xmi");
        XmiFiles.save(fixture.roots(), file);

        List<EObject> loaded = XmiFiles.load(file);

        assertEquals(1 + 4 + 24 + 8 + 2, loaded.size(), "project, images, reads, consensus, candidates");
        assertTrue(EcoreUtil.equals(fixture.roots(), loaded), "loaded model differs from the saved one");
        Project project = (Project) loaded.get(0);
        assertEquals(Cxr14Fixture.CXR14_FINDINGS,
                project.getLabelSchema().getFindings().stream().map(Finding::getCode).toList());
    }

    @Test
    @DisplayName("A loaded read points at the very Finding, Reader and ImageRecord objects of the loaded file")
    void loadedReferencesResolveToLoadedObjects() throws IOException {
        Path file = dir.resolve("project.xmi");
        XmiFiles.save(Cxr14Fixture.build().roots(), file);
        List<EObject> loaded = XmiFiles.load(file);
        Project project = (Project) loaded.get(0);

        List<Read> reads = loaded.stream().filter(Read.class::isInstance).map(Read.class::cast).toList();
        assertEquals(24, reads.size());
        for (Read read : reads) {
            assertSame(Cxr14Fixture.finding(project.getLabelSchema(), read.getFinding().getCode()), read.getFinding());
            assertTrue(project.getReaders().contains(read.getReader()), "reader is a proxy or a copy");
            assertTrue(loaded.contains(read.getImage()), "image is a proxy or a copy");
            assertFalse(read.getFinding().eIsProxy());
        }
        ImageRecord drained = (ImageRecord) loaded.get(3);
        assertEquals("00000013_001.png", drained.getImageId());
        assertEquals(List.of("Emphysema", "Pneumothorax"),
                drained.getSourceLabels().stream().map(l -> l.getFinding().getCode()).toList());
        assertEquals("chest-drain", drained.getConfounderTags().get(0).getCode());
        ConsensusLabel pneumothorax = loaded.stream().filter(ConsensusLabel.class::isInstance)
                .map(ConsensusLabel.class::cast)
                .filter(c -> c.getImage() == drained && c.getFinding().getCode().equals("Pneumothorax"))
                .findFirst().orElseThrow();
        assertEquals(ReadValue.ABSENT, pneumothorax.getValue(), "only one of three readers said present");
        assertEquals(2 / 3.0, pneumothorax.getSupport(), 1e-12);
    }

    @Test
    @DisplayName("Unset optional values stay unset and dates keep their milliseconds after loading")
    void optionalValuesAndDatesSurvive() throws IOException {
        Cxr14Fixture fixture = Cxr14Fixture.build();
        long created = fixture.project().getCreated().getTime();
        Path file = dir.resolve("project.xmi");
        XmiFiles.save(fixture.roots(), file);
        List<EObject> loaded = XmiFiles.load(file);

        Project project = (Project) loaded.get(0);
        Reader resident = project.getReaders().get(2);
        assertNull(resident.getExperienceYears());
        assertEquals(7, project.getReaders().get(1).getExperienceYears());
        Candidate broken = (Candidate) loaded.get(loaded.size() - 1);
        assertNull(broken.getFinding(), "a broken-image candidate has no finding");
        assertEquals(1, ((ImageRecord) loaded.get(1)).getFrameCount(), "the ecore default of frameCount");
        assertEquals(created, project.getCreated().getTime());
        assertEquals(123, created % 1000, "the fixture's timestamp has milliseconds to lose");
    }

    @Test
    @DisplayName("One changed read value makes the loaded model unequal to the saved one")
    void equalityNoticesAChangedRead() throws IOException {
        Cxr14Fixture fixture = Cxr14Fixture.build();
        Path file = dir.resolve("project.xmi");
        XmiFiles.save(fixture.roots(), file);
        List<EObject> loaded = XmiFiles.load(file);

        Read read = (Read) loaded.get(5);
        read.setValue(read.getValue() == ReadValue.PRESENT ? ReadValue.ABSENT : ReadValue.PRESENT);

        assertFalse(EcoreUtil.equals(fixture.roots(), loaded));
    }

    @Test
    @DisplayName("References to findings, readers and images are written as their ids, not as positions")
    void referencesUseIds() throws IOException {
        Path file = dir.resolve("project.xmi");
        XmiFiles.save(Cxr14Fixture.build().roots(), file);
        String xmi = Files.readString(file);

        assertTrue(xmi.contains("xmlns:lightbox=\"http://lightbox.org/model/1.0\""), xmi);
        assertTrue(xmi.contains("reader=\"r1\" image=\"00000001_000.png\" finding=\"Pneumothorax\""), xmi);
        assertFalse(xmi.contains("finding=\"/0/@labelSchema"), "positional reference found");
    }

    @Test
    @DisplayName("The findings of the NIH Data_Entry_2017 label file are exactly the 14 CXR14 findings")
    void fixtureFindingsMatchTheNihLabelFile() throws IOException {
        Path dataEntry = Path.of(System.getProperty("lightbox.shared", "../shared"),
                "data/cxr14/Data_Entry_2017_v2020.csv.gz");
        Assumptions.assumeTrue(Files.isRegularFile(dataEntry), "shared CXR14 data absent: " + dataEntry);
        Set<String> labels = new TreeSet<>();
        try (InputStream in = new GZIPInputStream(Files.newInputStream(dataEntry));
                BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            lines.readLine();
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                labels.addAll(List.of(line.split(",", 3)[1].split("\\|")));
            }
        }
        labels.remove("No Finding");
        assertEquals(new TreeSet<>(Cxr14Fixture.CXR14_FINDINGS), labels);
    }
}
