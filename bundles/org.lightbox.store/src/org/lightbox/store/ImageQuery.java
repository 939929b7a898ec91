package org.lightbox.store;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.StringJoiner;

import org.lightbox.model.QualityIssue;
import org.lightbox.model.ReadValue;
import org.lightbox.model.Sex;
import org.lightbox.model.ViewPosition;

/**
 * Which images of a project to list, and in which order: the repository view's filter bar as a value.
 * All conditions must hold; a {@code null} (or empty) condition does not filter. Build one with
 * {@link #builder()}; {@link #ALL} lists every image in the order added.
 *
 * @param findings     conditions on source or consensus labels, see {@link FindingCondition}
 * @param readBy       ids of readers who must have read the image (any finding)
 * @param unreadBy     ids of readers who must not have read it yet
 * @param minReaders   at least this many different readers have read the image
 * @param maxReaders   at most this many (0: nobody has read it)
 * @param minAge       patient age in years at least this; images without an age do not match a bound
 * @param maxAge       patient age in years at most this
 * @param sex          the patient's sex ({@link Sex#UNKNOWN} finds images whose sex is not known)
 * @param view         the view position ({@link ViewPosition#UNKNOWN} finds images without one)
 * @param hasPixels    true: images with a recorded file location; false: images without one. The store
 *                     does not look at files: a location whose file is missing shows up when decoding
 * @param qualityIssue images with a quality flag of this issue
 * @param confounder   images tagged with this confounder code as present (e.g. "chest-drain")
 * @param sort         the order; ties keep the order the images were added
 * @param descending   reverse the order (ties too)
 */
public record ImageQuery(
        List<FindingCondition> findings,
        Set<String> readBy,
        Set<String> unreadBy,
        Integer minReaders,
        Integer maxReaders,
        Integer minAge,
        Integer maxAge,
        Sex sex,
        ViewPosition view,
        Boolean hasPixels,
        QualityIssue qualityIssue,
        String confounder,
        Sort sort,
        boolean descending) {

    /** Every image, in the order added. */
    public static final ImageQuery ALL = builder().build();

    /** Orders of {@link ImageQuery}; each breaks ties by the order the images were added. */
    public enum Sort {
        /** The order the images were added to the project. */
        ADDED,
        /** By image id (text order). */
        IMAGE_ID,
        /** By patient key (text order), then follow-up number: a patient's images together, oldest first. */
        PATIENT,
        /** By patient age; images without an age first. */
        AGE,
        /** By follow-up number; images without one first. */
        FOLLOW_UP,
        /** By the number of findings the source labels report present (0 for "No Finding"). */
        SOURCE_LABELS
    }

    /**
     * A condition on one finding's label.
     * <ul>
     * <li>{@link Basis#SOURCE}: the label that came with the data. {@code PRESENT} and {@code UNCERTAIN} match
     * images with such a source label; {@code ABSENT} matches images whose source labels do not report the
     * finding as present or uncertain, because report-mined label files (CXR14's "Finding Labels") list
     * only the findings they found.</li>
     * <li>{@link Basis#CONSENSUS}: a consensus label with this value, of {@code method} or of any method when
     * {@code method} is null.</li>
     * </ul>
     *
     * @param findingCode the finding's code in the project's label schema (e.g. "Effusion")
     */
    public record FindingCondition(String findingCode, Basis basis, ReadValue value, String method) {

        /** Which label a {@link FindingCondition} looks at. */
        public enum Basis { SOURCE, CONSENSUS }

        public FindingCondition {
            if (findingCode == null || findingCode.isBlank()) {
                throw new IllegalArgumentException("A finding condition needs a finding code");
            }
            Objects.requireNonNull(basis, "basis");
            Objects.requireNonNull(value, "value");
            if (basis == Basis.SOURCE && method != null) {
                throw new IllegalArgumentException("A source label condition has no consensus method, got '" + method + "'");
            }
        }

        public static FindingCondition source(String findingCode, ReadValue value) {
            return new FindingCondition(findingCode, Basis.SOURCE, value, null);
        }

        /** A consensus label condition; {@code method} null matches labels of any method. */
        public static FindingCondition consensus(String findingCode, ReadValue value, String method) {
            return new FindingCondition(findingCode, Basis.CONSENSUS, value, method);
        }

        @Override
        public String toString() {
            String where = basis == Basis.SOURCE ? "source" : method == null ? "consensus" : "consensus " + method;
            return findingCode + " " + value.getLiteral().toLowerCase() + " (" + where + ")";
        }
    }

    public ImageQuery {
        findings = List.copyOf(Objects.requireNonNullElse(findings, List.of()));
        readBy = Set.copyOf(Objects.requireNonNullElse(readBy, Set.of()));
        unreadBy = Set.copyOf(Objects.requireNonNullElse(unreadBy, Set.of()));
        sort = Objects.requireNonNullElse(sort, Sort.ADDED);
        requireRange("patient age", minAge, maxAge);
        requireRange("number of readers", minReaders, maxReaders);
        for (String reader : readBy) {
            if (unreadBy.contains(reader)) {
                throw new IllegalArgumentException("Reader '" + reader + "' cannot be both a reader and a non-reader of an image");
            }
        }
        if (confounder != null && confounder.isBlank()) {
            confounder = null;
        }
    }

    private static void requireRange(String what, Integer min, Integer max) {
        if (min != null && min < 0 || max != null && max < 0) {
            throw new IllegalArgumentException("The " + what + " cannot be negative: " + min + " to " + max);
        }
        if (min != null && max != null && min > max) {
            throw new IllegalArgumentException("The " + what + " range is empty: from " + min + " to " + max);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this query's values, to change some of them. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.findings.addAll(findings);
        b.readBy.addAll(readBy);
        b.unreadBy.addAll(unreadBy);
        b.minReaders = minReaders;
        b.maxReaders = maxReaders;
        b.minAge = minAge;
        b.maxAge = maxAge;
        b.sex = sex;
        b.view = view;
        b.hasPixels = hasPixels;
        b.qualityIssue = qualityIssue;
        b.confounder = confounder;
        b.sort = sort;
        b.descending = descending;
        return b;
    }

    /** The same conditions in another order. */
    public ImageQuery sortedBy(Sort order, boolean reverse) {
        return toBuilder().sort(order, reverse).build();
    }

    /** Whether no condition is set (the order does not count). */
    public boolean isUnfiltered() {
        return findings.isEmpty() && readBy.isEmpty() && unreadBy.isEmpty() && minReaders == null && maxReaders == null
                && minAge == null && maxAge == null && sex == null && view == null && hasPixels == null
                && qualityIssue == null && confounder == null;
    }

    /** The conditions in words, e.g. "Effusion present (source), age 40–60, FEMALE"; "all images" when none. */
    public String describe() {
        StringJoiner text = new StringJoiner(", ");
        findings.forEach(f -> text.add(f.toString()));
        readBy.stream().sorted().forEach(r -> text.add("read by " + r));
        unreadBy.stream().sorted().forEach(r -> text.add("unread by " + r));
        if (minReaders != null || maxReaders != null) {
            text.add(range("readers", minReaders, maxReaders));
        }
        if (minAge != null || maxAge != null) {
            text.add(range("age", minAge, maxAge));
        }
        if (sex != null) {
            text.add("sex " + sex.getLiteral());
        }
        if (view != null) {
            text.add("view " + view.getLiteral());
        }
        if (hasPixels != null) {
            text.add(hasPixels ? "with pixels" : "without pixels");
        }
        if (qualityIssue != null) {
            text.add("flagged " + qualityIssue.getLiteral());
        }
        if (confounder != null) {
            text.add("tagged " + confounder);
        }
        return text.length() == 0 ? "all images" : text.toString();
    }

    private static String range(String what, Integer min, Integer max) {
        if (min != null && max != null) {
            return min.equals(max) ? what + " " + min : what + " " + min + "–" + max;
        }
        return min != null ? what + " ≥ " + min : what + " ≤ " + max;
    }

    /** Collects the conditions of an {@link ImageQuery}; every setter accepts null for "any". */
    public static final class Builder {
        private final List<FindingCondition> findings = new ArrayList<>();
        private final Set<String> readBy = new LinkedHashSet<>();
        private final Set<String> unreadBy = new LinkedHashSet<>();
        private Integer minReaders;
        private Integer maxReaders;
        private Integer minAge;
        private Integer maxAge;
        private Sex sex;
        private ViewPosition view;
        private Boolean hasPixels;
        private QualityIssue qualityIssue;
        private String confounder;
        private Sort sort = Sort.ADDED;
        private boolean descending;

        private Builder() {
        }

        public Builder finding(FindingCondition condition) {
            findings.add(Objects.requireNonNull(condition, "condition"));
            return this;
        }

        public Builder readBy(String readerId) {
            readBy.add(Objects.requireNonNull(readerId, "readerId"));
            return this;
        }

        public Builder unreadBy(String readerId) {
            unreadBy.add(Objects.requireNonNull(readerId, "readerId"));
            return this;
        }

        /** Images read by {@code min} to {@code max} different readers (either may be null). */
        public Builder readers(Integer min, Integer max) {
            minReaders = min;
            maxReaders = max;
            return this;
        }

        /** Patients aged {@code min} to {@code max} years, inclusive (either may be null). */
        public Builder age(Integer min, Integer max) {
            minAge = min;
            maxAge = max;
            return this;
        }

        public Builder sex(Sex value) {
            sex = value;
            return this;
        }

        public Builder view(ViewPosition value) {
            view = value;
            return this;
        }

        public Builder hasPixels(Boolean value) {
            hasPixels = value;
            return this;
        }

        public Builder qualityIssue(QualityIssue value) {
            qualityIssue = value;
            return this;
        }

        public Builder confounder(String code) {
            confounder = code;
            return this;
        }

        public Builder sort(Sort order, boolean reverse) {
            sort = order;
            descending = reverse;
            return this;
        }

        public ImageQuery build() {
            return new ImageQuery(findings, readBy, unreadBy, minReaders, maxReaders, minAge, maxAge, sex, view, hasPixels,
                    qualityIssue, confounder, sort, descending);
        }
    }
}
