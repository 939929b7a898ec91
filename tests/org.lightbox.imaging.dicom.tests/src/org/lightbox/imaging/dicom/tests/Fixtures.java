package org.lightbox.imaging.dicom.tests;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Enumeration;

import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

/** The reference fixtures shipped in this fragment under {@code reference/dicom/}. */
final class Fixtures {

    private Fixtures() {
    }

    /** The fixture for a file under the shared {@code data/dicom} folder, e.g. "pydicom/CT_small.dcm". */
    static ReferenceFixture of(String relative) {
        Bundle host = FrameworkUtil.getBundle(Fixtures.class);
        String path = "reference/dicom/" + relative + ".json";
        int slash = path.lastIndexOf('/');
        // findEntries, unlike getEntry, also looks into fragments attached to the host
        Enumeration<URL> found = host.findEntries(path.substring(0, slash), path.substring(slash + 1), false);
        assertNotNull(found, "no reference fixture " + path + ": run releng/dicom-reference/make-references.sh");
        URL url = found.nextElement();
        try (InputStream in = url.openStream()) {
            return ReferenceFixture.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AssertionError("cannot read " + url, e);
        }
    }
}
