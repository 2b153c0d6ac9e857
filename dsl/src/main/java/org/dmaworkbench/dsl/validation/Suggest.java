package org.dmaworkbench.dsl.validation;

import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.StreamSupport;

/** "Did you mean ...?": the known names closest to a misspelt one (edit distance, case-insensitive). */
public final class Suggest {
    private Suggest() { }

    /** The closest name, or null when none is close enough to be a plausible typo. */
    static String closest(String wrong, Iterable<String> known) {
        List<String> best = closest(wrong, known, 1);
        return best.isEmpty() ? null : best.get(0);
    }

    /** Up to {@code n} plausible names, best first. */
    public static List<String> closest(String wrong, Iterable<String> known, int n) {
        if (wrong == null) return List.of();
        String w = wrong.toLowerCase();
        int limit = Math.max(2, w.length() / 3);
        return StreamSupport.stream(known.spliterator(), false)
                .filter(k -> distance(w, k.toLowerCase()) <= limit || k.toLowerCase().contains(w) && w.length() >= 3)
                .sorted(Comparator.comparingInt((String k) -> distance(w, k.toLowerCase())).thenComparing(k -> k))
                .limit(n).toList();
    }

    /** The sentence sharing most words with {@code wrong} (Jaccard over words; edit distance breaks ties). */
    static String closestText(String wrong, Iterable<String> known) {
        Set<String> w = words(wrong);
        String best = null;
        double bestScore = -1;
        for (String k : known) {
            Set<String> kw = words(k), union = new HashSet<>(w);
            union.addAll(kw);
            kw.retainAll(w);
            double score = union.isEmpty() ? 0 : (double) kw.size() / union.size();
            if (score > bestScore || score == bestScore && distance(wrong, k) < distance(wrong, best)) {
                best = k;
                bestScore = score;
            }
        }
        return best;
    }

    private static Set<String> words(String s) {
        return new HashSet<>(Arrays.asList(s.toLowerCase().split("[^a-z0-9_]+")));
    }

    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1], cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(sub, Math.min(prev[j], cur[j - 1]) + 1);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    /** " (did you mean X?)" or "". */
    static String didYouMean(String suggestion) {
        return suggestion == null ? "" : ": did you mean " + suggestion + "?";
    }
}
