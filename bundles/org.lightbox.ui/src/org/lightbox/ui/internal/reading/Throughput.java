package org.lightbox.ui.internal.reading;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.lightbox.model.Read;

/**
 * Reading speed per reader and session, from the reads' time stamps and durations: a session is a run of a
 * reader's reads with no pause longer than {@link #SESSION_GAP_MILLIS}. Images per minute carries a 95 %
 * interval for a Poisson count over the session's span (Byar's approximation, within 1 % of the exact Garwood
 * interval from n = 5 on), seconds per decision a 95 % t interval of the mean, each with its n.
 */
public final class Throughput {

    /** A pause longer than this starts a new session. */
    public static final long SESSION_GAP_MILLIS = 10 * 60_000L;

    /** One reader's session. */
    public record Session(String readerId, long start, long end, int images, int decisions, double imagesPerMinute,
            double imagesPerMinuteLow, double imagesPerMinuteHigh, double secondsPerDecision,
            double secondsPerDecisionLow, double secondsPerDecisionHigh) {
    }

    private Throughput() {
    }

    public static List<Session> of(List<Read> reads) {
        Map<String, List<Read>> byReader = new LinkedHashMap<>();
        for (Read read : reads) {
            if (read.getReadAt() != null) {
                byReader.computeIfAbsent(read.getReader().getId(), k -> new ArrayList<>()).add(read);
            }
        }
        List<Session> sessions = new ArrayList<>();
        byReader.forEach((reader, list) -> {
            list.sort(Comparator.comparing(Read::getReadAt));
            int from = 0;
            for (int i = 1; i <= list.size(); i++) {
                if (i == list.size() || list.get(i).getReadAt().getTime() - list.get(i - 1).getReadAt().getTime()
                        > SESSION_GAP_MILLIS) {
                    sessions.add(session(reader, list.subList(from, i)));
                    from = i;
                }
            }
        });
        return sessions;
    }

    private static Session session(String reader, List<Read> reads) {
        Set<String> images = new HashSet<>();
        double[] seconds = new double[reads.size()];
        for (int i = 0; i < reads.size(); i++) {
            images.add(reads.get(i).getImage().getImageId());
            seconds[i] = reads.get(i).getDurationMillis() / 1000.0;
        }
        // the span: from the start of the first decision to the last one
        long start = reads.getFirst().getReadAt().getTime() - reads.getFirst().getDurationMillis();
        long end = reads.getLast().getReadAt().getTime();
        double minutes = Math.max(end - start, 1000) / 60_000.0;
        int n = images.size();
        double[] count = poissonInterval(n);
        double[] mean = meanInterval(seconds);
        return new Session(reader, start, end, n, reads.size(), n / minutes, count[0] / minutes, count[1] / minutes,
                mean[0], mean[1], mean[2]);
    }

    /** 95 % interval for a Poisson count (Byar's approximation; {0, 3.689} for 0, the exact value). */
    public static double[] poissonInterval(int n) {
        double z = 1.959964;
        if (n == 0) {
            return new double[] {0, 3.688879};
        }
        double lower = n * Math.pow(1 - 1.0 / (9 * n) - z / (3 * Math.sqrt(n)), 3);
        double m = n + 1;
        double upper = m * Math.pow(1 - 1.0 / (9 * m) + z / (3 * Math.sqrt(m)), 3);
        return new double[] {lower, upper};
    }

    /** Mean and its 95 % t interval ({mean, low, high}; NaN bounds for fewer than two values). */
    public static double[] meanInterval(double[] values) {
        int n = values.length;
        double mean = 0;
        for (double v : values) {
            mean += v;
        }
        mean /= Math.max(1, n);
        if (n < 2) {
            return new double[] {mean, Double.NaN, Double.NaN};
        }
        double ss = 0;
        for (double v : values) {
            ss += (v - mean) * (v - mean);
        }
        double half = t975(n - 1) * Math.sqrt(ss / (n - 1) / n);
        return new double[] {mean, mean - half, mean + half};
    }

    /** The 0.975 quantile of Student's t (tabulated to df 30, then the normal's 1.96 with a 1/df correction). */
    static double t975(int df) {
        double[] table = {12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179,
            2.160, 2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086, 2.080, 2.074, 2.069, 2.064, 2.060, 2.056,
            2.052, 2.048, 2.045, 2.042};
        return df <= 30 ? table[df - 1] : 1.959964 + 2.4 / df;
    }
}
