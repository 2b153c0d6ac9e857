package org.dmaworkbench.idecheck.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** What the check found: the driver's result file, the IDE's exit, the workspace's error log, the bundles it ran. */
final class Verdict {
    private final String name;
    private final List<String> passed = new ArrayList<>();
    private final List<String> failed = new ArrayList<>();
    private String running;
    private boolean done;
    private final boolean driverRan;

    Verdict(String name, Path result) throws IOException {
        this.name = name;
        this.driverRan = Files.exists(result);
        if (!driverRan) return;
        for (String line : Files.readAllLines(result)) {
            if (line.startsWith("RUN ")) running = line.substring(4);
            else if (line.startsWith("PASS ")) { passed.add(line.substring(5)); running = null; }
            else if (line.startsWith("FAIL ")) { failed.add(line.substring(5)); running = null; }
            else if (line.equals("DONE")) done = true;
        }
    }

    void exit(boolean exited, int code, long timeoutSeconds) {
        if (!driverRan) {
            failed.add("the check driver never ran: the workbench did not come up (see the IDE's output below)");
        } else if (!exited) {
            failed.add("the IDE did not exit within " + timeoutSeconds + " s" + (running == null ? "" : ", stuck in: " + running));
        } else if (!done) {
            failed.add("the IDE exited (code " + code + ") before its checks ended" + (running == null ? "" : ", in: " + running));
        } else if (code != 0) {
            failed.add("the IDE exited with code " + code);
        }
    }

    void errorLog(Path log) throws IOException {
        if (!Files.exists(log) || Files.size(log) == 0) return;
        List<String> lines = Files.readAllLines(log);
        List<String> shown = lines.subList(0, Math.min(lines.size(), 40));
        failed.add("the error log (" + log + ") is not empty:\n      " + String.join("\n      ", shown)
                + (lines.size() > shown.size() ? "\n      ... (" + (lines.size() - shown.size()) + " more lines)" : ""));
    }

    /** The bundles the framework ran are the shipped ones, plus the driver only. */
    void bundles(Set<String> shipped, Path running, String driver) throws IOException {
        if (shipped.stream().anyMatch(b -> b.startsWith(driver + ","))) failed.add("the shipped bundles.info lists the check driver " + driver);
        if (!Files.exists(running)) return; // the bundle check itself did not run: already a failure above
        Set<String> ran = new LinkedHashSet<>(Files.readAllLines(running));
        ran.removeIf(b -> b.startsWith(driver + ","));
        Set<String> missing = new LinkedHashSet<>(shipped);
        missing.removeAll(ran);
        Set<String> extra = new LinkedHashSet<>(ran);
        extra.removeAll(shipped);
        if (!missing.isEmpty()) failed.add("shipped bundles the IDE did not run: " + missing);
        if (!extra.isEmpty()) failed.add("bundles the IDE ran that are not shipped: " + extra);
    }

    /** Prints the verdict; true when everything passed. */
    boolean print(PrintStream out, long seconds, Path ideOutput) {
        out.println("[ide-check] " + name + ": " + passed.size() + " checks passed, " + failed.size() + " failed (" + seconds + " s)");
        for (String p : passed) out.println("  PASS " + p);
        if (failed.isEmpty()) return true;
        for (String f : failed) out.println("  FAIL " + f);
        out.println("  the IDE's output (" + ideOutput + "), last lines:");
        for (String l : Installation.tail(ideOutput, 30)) out.println("      " + l);
        out.println("[ide-check] FAILED: the " + name + " as a user gets it: " + String.join("; ", failed.stream().map(f -> f.split("\n")[0]).toList()));
        return false;
    }
}
