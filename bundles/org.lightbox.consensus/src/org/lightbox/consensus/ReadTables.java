package org.lightbox.consensus;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.lightbox.agreement.Level;
import org.lightbox.agreement.RatingTable;
import org.lightbox.agreement.RatingTableBuilder;
import org.lightbox.model.Finding;
import org.lightbox.model.Project;
import org.lightbox.model.Read;
import org.lightbox.model.ReadValue;

/**
 * A project's reads as the agreement bundle's rating tables, one per finding: subjects are image ids (in the order
 * their first read was recorded) clustered by patient key, raters are reader ids, categories are the three
 * {@link ReadValue} literals in their order (ABSENT, PRESENT, UNCERTAIN), nominal. Reads without a value are left out.
 */
public final class ReadTables {

    /** The categories of every table, as {@link ReadValue} literals. */
    public static final List<String> CATEGORIES = Arrays.stream(ReadValue.values()).map(ReadValue::getLiteral).toList();

    private ReadTables() {
    }

    /**
     * One table per finding of the project's label schema that has reads (in schema order), then any finding that
     * has reads but is not in the schema.
     *
     * @param reads the reads, e.g. {@code ProjectSession.allReads()}
     * @param readers which readers count (by reader id)
     */
    public static Map<String, RatingTable> byFinding(Project project, Collection<? extends Read> reads, Predicate<String> readers) {
        Map<String, RatingTableBuilder> builders = new LinkedHashMap<>();
        if (project != null && project.getLabelSchema() != null) {
            for (Finding f : project.getLabelSchema().getFindings()) {
                builders.put(f.getCode(), null);
            }
        }
        for (Read read : reads) {
            if (read.getValue() == null || !readers.test(read.getReader().getId())) {
                continue;
            }
            RatingTableBuilder builder = builders.get(read.getFinding().getCode());
            if (builder == null) {
                builder = RatingTable.builder(Level.NOMINAL).categories(CATEGORIES);
                builders.put(read.getFinding().getCode(), builder);
            }
            String image = read.getImage().getImageId();
            builder.subject(image, read.getImage().getPatientKey());
            builder.rate(image, read.getReader().getId(), read.getValue().getLiteral());
        }
        Map<String, RatingTable> tables = new LinkedHashMap<>();
        builders.forEach((finding, builder) -> {
            if (builder != null) {
                tables.put(finding, builder.build());
            }
        });
        return tables;
    }

    /**
     * Checks that a table's categories are {@link ReadValue} literals, as consensus methods need.
     *
     * @throws IllegalArgumentException naming the first category that is not
     */
    public static void requireReadValues(RatingTable table) {
        for (String category : table.categories()) {
            if (ReadValue.get(category) == null) {
                throw new IllegalArgumentException("category '" + category + "' is not a read value (" + String.join(", ", CATEGORIES) + ")");
            }
        }
    }

    /** The reads of one subject in a table as votes, in rater order. */
    public static List<ConsensusDecision.Vote> votes(RatingTable table, int subject) {
        List<ConsensusDecision.Vote> votes = new ArrayList<>();
        for (int r = 0; r < table.raterCount(); r++) {
            String label = table.label(subject, r);
            if (label != null) {
                votes.add(new ConsensusDecision.Vote(table.raters().get(r), ReadValue.get(label)));
            }
        }
        return votes;
    }
}
