package org.lightbox.phantom.tests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A manifest.csv read with the test's own few lines of parsing (not the generator's code), and the
 * binomial tolerance the rate tests use.
 */
record Manifest(List<String> header, List<Map<String, String>> rows) {

    static Manifest read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        List<String> header = List.of(lines.get(0).split(",", -1));
        List<Map<String, String>> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            if (cells.length != header.size()) {
                throw new AssertionError("a manifest row has " + cells.length + " cells, the header " + header.size()
                        + ": " + line);
            }
            Map<String, String> row = new HashMap<>();
            for (int i = 0; i < cells.length; i++) {
                row.put(header.get(i), cells[i]);
            }
            rows.add(row);
        }
        return new Manifest(header, rows);
    }

    List<Map<String, String>> where(Predicate<Map<String, String>> condition) {
        return rows.stream().filter(condition).toList();
    }

    /** Share of rows in {@code among} where column equals "1". */
    static Rate rate(List<Map<String, String>> among, String column) {
        long hits = among.stream().filter(r -> "1".equals(r.get(column))).count();
        return new Rate(hits, among.size());
    }

    /** k of n, and whether k/n is within 4 binomial standard deviations of p (for n images, sd = √(p(1−p)/n)). */
    record Rate(long k, long n) {

        double value() {
            return n == 0 ? Double.NaN : (double) k / n;
        }

        boolean matches(double p) {
            double sd = Math.sqrt(p * (1 - p) / n);
            return n > 0 && Math.abs(value() - p) <= 4 * sd + 1e-12;
        }

        String against(double p) {
            return String.format("%d of %d = %.4f, expected %.4f ± %.4f (4 binomial SDs)", k, n, value(), p,
                    4 * Math.sqrt(p * (1 - p) / n));
        }
    }
}
