package org.lightbox.evaluation;

import java.util.List;

/**
 * A model's scores, one row per image, one column per finding.
 *
 * @param source where they came from (a file name), for messages
 * @param model the model's name
 * @param ids image ids, unique
 * @param findings finding names (a {@code prob_} prefix of the file's headers removed)
 * @param scores {@code scores[f][i]}: score of finding f for image i
 */
public record ScoreTable(String source, String model, String[] ids, List<String> findings, double[][] scores) {

    public ScoreTable {
        findings = List.copyOf(findings);
    }

    /** Images. */
    public int size() {
        return ids.length;
    }
}
