package org.lightbox.store.internal;

import java.util.HashMap;
import java.util.Map;

import org.lightbox.model.Finding;
import org.lightbox.model.Project;
import org.lightbox.model.Reader;

/** A loaded project with its findings and readers keyed both ways (natural key, surrogate key). */
final class ProjectIndex {

    private final Project project;
    private final Map<String, Long> findingRefs = new HashMap<>();
    private final Map<Long, Finding> findings = new HashMap<>();
    private final Map<String, Long> readerRefs = new HashMap<>();
    private final Map<Long, Reader> readers = new HashMap<>();

    ProjectIndex(Project project) {
        this.project = project;
    }

    void addFinding(long ref, Finding finding) {
        findingRefs.put(finding.getCode(), ref);
        findings.put(ref, finding);
    }

    void addReader(long ref, Reader reader) {
        readerRefs.put(reader.getId(), ref);
        readers.put(ref, reader);
    }

    Project project() {
        return project;
    }

    Long findingRef(String code) {
        return findingRefs.get(code);
    }

    Long readerRef(String readerId) {
        return readerRefs.get(readerId);
    }

    Finding finding(long ref) {
        return findings.get(ref);
    }

    Reader reader(long ref) {
        return readers.get(ref);
    }
}
