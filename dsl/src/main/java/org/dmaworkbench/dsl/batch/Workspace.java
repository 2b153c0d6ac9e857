package org.dmaworkbench.dsl.batch;

import com.google.inject.Injector;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.dmaworkbench.dsl.imports.ImportResolver;
import org.dmaworkbench.runtime.exec.ErrorText;
import org.dmaworkbench.runtime.program.CompiledFile;

/**
 * What a batch loads and how: the inputs ({@link InputFiles}), the options, and the load itself:
 * sources parsed, validated and lowered by the {@link SourceLoader}, compiled programs read by the
 * {@link CompiledReader}. Never throws for bad input: every problem becomes a {@link Diagnostic}.
 *
 * <p>The load behind {@link BatchService} (so behind every front end). The command line passes paths as
 * typed ({@link #load(List, boolean)}: directories searched, names shown relative to the current
 * directory); the plugin passes the files it selected and {@link Options}: names shown relative to the
 * project, an import path for {@code import "classpath:/..."} (source roots, dependency jars and
 * directories), and a progress callback.
 */
public final class Workspace {
    /** Diagnostics shown per file at most in the text output (all of them go to the JSON report). */
    public static final int MAX_SHOWN_PER_FILE = 25;
    /** Input files larger than this are refused rather than parsed. */
    public static final long MAX_FILE_BYTES = ImportResolver.MAX_FILE_BYTES;

    private Workspace() { }

    /** The language's injector ({@link Batch#injector()}). */
    public static Injector injector() {
        return Batch.injector();
    }

    /** What a load reports while it goes, per file: the stage, files done so far, the total, the file as shown. */
    @FunctionalInterface
    public interface Progress {
        /** Parsing an input, validating a loaded file (inputs and the local files they import), lowering an input. */
        enum Stage { PARSE, VALIDATE, LOWER }

        /** Reports nothing. */
        Progress NONE = (stage, done, total, file) -> { };

        void step(Stage stage, int done, int total, String file);
    }

    /**
     * How a batch loads.
     *
     * @param displayBase file names in diagnostics and reports are relative to this directory when below it
     * @param importPath  where {@code import "classpath:/a/b.dmas"} looks, in order: directories and jar/zip
     *                    files ({@code a/b.dmas} inside them); empty: such imports are refused as not local
     * @param progress    told after each file of each stage
     */
    public record Options(Path displayBase, List<Path> importPath, Progress progress) {
        public Options {
            displayBase = displayBase == null ? Text.cwd() : displayBase.toAbsolutePath().normalize();
            importPath = importPath == null ? List.of() : List.copyOf(importPath);
            progress = progress == null ? Progress.NONE : progress;
        }

        /** The command line's: names relative to the current directory, no import path, no progress. */
        public static Options commandLine() {
            return new Options(Text.cwd(), List.of(), Progress.NONE);
        }

        String display(Path p) {
            return Text.display(p, displayBase);
        }
    }

    /** The inputs after collection: .dmas sources, compiled .json programs, and what went wrong. */
    public record Inputs(List<Path> sources, List<Path> compiled, List<Diagnostic> diagnostics) {
        public boolean isEmpty() { return sources.isEmpty() && compiled.isEmpty(); }
    }

    /**
     * Everything loaded: the compiled files (inputs only, in input order; empty unless lowered), the
     * file each came from (parallel to {@code compiled}), all diagnostics, and every local file that was
     * read (inputs and the files they import, transitively: what the result depends on).
     */
    public record Loaded(int files, List<CompiledFile> compiled, List<Path> compiledFrom, List<Diagnostic> diagnostics,
                         List<Path> filesRead) {
        public long errors() { return diagnostics.stream().filter(Diagnostic::isError).count(); }
        public long warnings() { return diagnostics.stream().filter(d -> d.severity() == Diagnostic.Severity.WARNING).count(); }
        public boolean hasErrors() { return errors() > 0; }
    }

    // ------------------------------------------------------------------ collection

    /**
     * Directories are searched recursively for {@code *.dmas} (hidden directories and Maven
     * {@code target} directories skipped); a directory without any {@code .dmas} file contributes its
     * {@code *.json} compiled programs instead. Files are taken as given when they end in .dmas or .json.
     */
    public static Inputs collect(List<String> args) {
        return InputFiles.collect(args);
    }

    /**
     * The given files as inputs, in the given order: {@code .dmas} sources and compiled {@code .json}
     * programs; anything else, or a file that does not exist, is an error diagnostic.
     */
    public static Inputs inputs(List<Path> files, Options o) {
        return InputFiles.inputs(files, o);
    }

    // ------------------------------------------------------------------ loading, validation, lowering

    /**
     * The command line's load: collects the paths as typed ({@link #collect}), loads and validates;
     * lowers the inputs too when {@code lower} is set and there is no error.
     */
    public static Loaded load(List<String> args, boolean lower) {
        return load(collect(args), lower, Options.commandLine());
    }

    /** Loads and validates exactly these files (see {@link #inputs}); lowers them too when {@code lower} is set and there is no error. */
    public static Loaded load(List<Path> files, boolean lower, Options o) {
        return load(inputs(files, o), lower, o);
    }

    /** Loads and validates the collected inputs; lowers them too when {@code lower} is set and there is no error. */
    public static Loaded load(Inputs in, boolean lower, Options o) {
        List<Diagnostic> diags = new ArrayList<>(in.diagnostics());
        List<CompiledFile> out = new ArrayList<>();
        List<Path> from = new ArrayList<>();
        Set<Path> read = new LinkedHashSet<>();
        if (!in.sources().isEmpty()) injector().getInstance(SourceLoader.class).load(in.sources(), lower, o, diags, out, from, read);
        for (Path p : in.compiled()) {
            CompiledFile f = CompiledReader.read(p, o, diags);
            read.add(p);
            if (f != null) {
                out.add(f);
                from.add(p);
            }
        }
        diags.sort(Diagnostic.ORDER);
        boolean errors = diags.stream().anyMatch(Diagnostic::isError);
        boolean none = errors || !lower;
        return new Loaded(in.sources().size() + in.compiled().size(), none ? List.of() : List.copyOf(out),
                none ? List.of() : List.copyOf(from), diags, List.copyOf(read));
    }

    public static boolean isStackOverflow(Throwable e) {
        return ErrorText.isStackOverflow(e);
    }

    /** A throwable as one line for the user: the innermost useful message, without Java class names. */
    public static String message(Throwable e) {
        return ErrorText.of(e);
    }
}
