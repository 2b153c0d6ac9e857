package org.dmaworkbench.runtime.structure;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** Package → package dependencies, each edge with one class-level example, and its cycles (Tarjan's SCCs). */
final class PackageGraph {
    private final Map<String, Map<String, String>> edges = new TreeMap<>();

    /** Records that class {@code from} uses class {@code to}; same-package uses are ignored. */
    void add(String from, String to) {
        String a = packageOf(from), b = packageOf(to);
        edges.computeIfAbsent(a, k -> new TreeMap<>());
        edges.computeIfAbsent(b, k -> new TreeMap<>());
        if (!a.equals(b)) edges.get(a).putIfAbsent(b, simple(from) + " uses " + simple(to));
    }

    /** Every package seen, as user or used. */
    Set<String> packages() { return edges.keySet(); }

    Set<String> dependenciesOf(String pkg) { return edges.getOrDefault(pkg, Map.of()).keySet(); }

    /** Why {@code from} depends on {@code to}: one class-level use. */
    String example(String from, String to) { return edges.get(from).get(to); }

    /** The strongly connected components with more than one package: each one is a package cycle. */
    List<Set<String>> cycles() {
        Map<String, Integer> index = new HashMap<>(), low = new HashMap<>();
        Deque<String> stack = new ArrayDeque<>();
        Set<String> onStack = new TreeSet<>();
        List<Set<String>> out = new ArrayList<>();
        int[] next = {0};
        for (String v : edges.keySet()) if (!index.containsKey(v)) strongConnect(v, index, low, stack, onStack, out, next);
        return out;
    }

    private void strongConnect(String v, Map<String, Integer> index, Map<String, Integer> low, Deque<String> stack,
                               Set<String> onStack, List<Set<String>> out, int[] next) {
        index.put(v, next[0]);
        low.put(v, next[0]++);
        stack.push(v);
        onStack.add(v);
        for (String w : dependenciesOf(v)) {
            if (!index.containsKey(w)) {
                strongConnect(w, index, low, stack, onStack, out, next);
                low.put(v, Math.min(low.get(v), low.get(w)));
            } else if (onStack.contains(w)) {
                low.put(v, Math.min(low.get(v), index.get(w)));
            }
        }
        if (low.get(v).equals(index.get(v))) {
            Set<String> scc = new TreeSet<>();
            String w;
            do {
                w = stack.pop();
                onStack.remove(w);
                scc.add(w);
            } while (!w.equals(v));
            if (scc.size() > 1) out.add(scc);
        }
    }

    /** A cycle as text: every edge inside the component with its example ("a -> b (A uses B)"). */
    String describe(Set<String> scc) {
        StringBuilder sb = new StringBuilder();
        for (String a : scc) {
            for (String b : dependenciesOf(a)) {
                if (scc.contains(b)) sb.append("\n  ").append(a).append(" -> ").append(b).append(" (").append(example(a, b)).append(')');
            }
        }
        return sb.toString();
    }

    static String packageOf(String binaryName) {
        int dot = binaryName.lastIndexOf('.');
        return dot < 0 ? "" : binaryName.substring(0, dot);
    }

    private static String simple(String binaryName) {
        return binaryName.substring(binaryName.lastIndexOf('.') + 1);
    }
}
