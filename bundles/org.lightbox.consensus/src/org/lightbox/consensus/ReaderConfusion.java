package org.lightbox.consensus;

import java.util.List;

/**
 * A reader's estimated confusion matrix (Dawid and Skene's error rates): {@code rates[j][l]} is the probability that
 * the reader reads {@code categories[l]} when the truth is {@code categories[j]}. Rows of a class nobody belongs to are
 * all zero.
 */
public record ReaderConfusion(String reader, List<String> categories, double[][] rates) {

    public ReaderConfusion {
        categories = List.copyOf(categories);
        double[][] copy = new double[rates.length][];
        for (int j = 0; j < rates.length; j++) {
            copy[j] = rates[j].clone();
        }
        rates = copy;
    }

    /** The probability of reading {@code read} when the truth is {@code truth}. */
    public double rate(String truth, String read) {
        return rates[categories.indexOf(truth)][categories.indexOf(read)];
    }
}
