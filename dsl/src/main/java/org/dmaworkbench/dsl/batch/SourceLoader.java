package org.dmaworkbench.dsl.batch;

import com.google.inject.Inject;
import com.google.inject.Provider;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dmaworkbench.dsl.dmas.Model;
import org.dmaworkbench.dsl.imports.ImportPath;
import org.dmaworkbench.dsl.imports.ImportResolver;
import org.dmaworkbench.dsl.imports.ImportScope;
import org.dmaworkbench.dsl.lowering.DmasLowering;
import org.dmaworkbench.runtime.program.CompiledFile;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.resource.impl.ExtensibleURIConverterImpl;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.xtext.resource.IResourceFactory;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.validation.CheckMode;
import org.eclipse.xtext.validation.IResourceValidator;
import org.eclipse.xtext.validation.Issue;

/**
 * Loads {@code .dmas} sources into one resource set (imports resolve inside it, through the
 * language's {@link ImportResolver}), validates every local file with the language's validator
 * (the diagnostics the editor and the language server show, nothing more) and lowers the inputs.
 */
public class SourceLoader {
    @Inject private Provider<XtextResourceSet> resourceSets;
    @Inject private IResourceFactory resourceFactory;
    @Inject private IResourceValidator validator;

    /** Parses, links and validates {@code sources}; lowers them into {@code out} (and {@code from}) when {@code lower} and there is no error. */
    void load(List<Path> sources, boolean lower, Workspace.Options o, List<Diagnostic> diags, List<CompiledFile> out,
              List<Path> from, Set<Path> read) {
        XtextResourceSet rs = resourceSets.get();
        // this injector's factory, not whichever setup registered last in EMF's global registry (the IDE has two)
        rs.getResourceFactoryRegistry().getExtensionToFactoryMap().put("dmas", resourceFactory);
        rs.getLoadOptions().put(XtextResource.OPTION_ENCODING, StandardCharsets.UTF_8.name());
        rs.setURIConverter(new LocalFilesOnly());
        ImportScope.install(rs, o.importPath());
        List<Resource> inputs = new ArrayList<>();
        List<String> inputNames = new ArrayList<>();
        int done = 0;
        for (Path p : sources) {
            String name = o.display(p);
            Resource r = null;
            if (TextCheck.readableText(p, name, diags)) {
                try {
                    r = rs.getResource(URI.createFileURI(p.toString()), true);
                } catch (RuntimeException | StackOverflowError e) {
                    if (Workspace.isStackOverflow(e)) diags.add(TextCheck.tooDeep(p, name));
                    else diags.add(Diagnostic.error(name, 0, 0, "cannot read: " + Workspace.message(e)));
                }
            }
            inputs.add(r);
            inputNames.add(name);
            o.progress().step(Workspace.Progress.Stage.PARSE, ++done, sources.size(), name);
        }
        try {
            EcoreUtil.resolveAll(rs);
        } catch (RuntimeException | StackOverflowError e) {
            diags.add(Diagnostic.error(inputNames.get(0), 0, 0, "cannot resolve names: " + Workspace.message(e)));
        }
        validate(rs, o, diags, read);
        if (!lower || diags.stream().anyMatch(Diagnostic::isError)) return;
        DmasLowering lowering = new DmasLowering();
        for (int i = 0; i < inputs.size(); i++) {
            Resource r = inputs.get(i);
            String name = inputNames.get(i);
            Model m = model(r);
            if (m == null) {
                out.add(new CompiledFile(name, List.of(), List.of()));
                from.add(sources.get(i));
            } else {
                try {
                    out.add(lowering.lower(m, name));
                    from.add(sources.get(i));
                } catch (RuntimeException | StackOverflowError e) {
                    diags.add(Diagnostic.error(name, 0, 0, "cannot compile (a check the validator misses): " + Workspace.message(e)));
                }
            }
            o.progress().step(Workspace.Progress.Stage.LOWER, i + 1, inputs.size(), name);
        }
    }

    /** Validates every loaded local file: the inputs and what they import (a jar's files are the library's own build's to check). */
    private void validate(XtextResourceSet rs, Workspace.Options o, List<Diagnostic> diags, Set<Path> read) {
        Set<Resource> validated = new HashSet<>();
        int done = 0;
        int total = countLocal(rs), counted = rs.getResources().size();
        for (int i = 0; i < rs.getResources().size(); i++) { // imports may add resources while we go
            Resource r = rs.getResources().get(i);
            if (!validated.add(r) || !r.isLoaded() || !(r instanceof XtextResource)) continue;
            Path local = localFile(r);
            if (local != null) read.add(local);
            if (!r.getURI().isFile()) continue;
            if (!Files.isRegularFile(Path.of(r.getURI().toFileString()))) continue; // a missing import: reported at the import
            String name = o.display(Path.of(r.getURI().toFileString()));
            try {
                for (Issue issue : validator.validate(r, CheckMode.ALL, CancelIndicator.NullImpl)) diags.add(toDiagnostic(name, issue));
            } catch (RuntimeException | StackOverflowError e) {
                diags.add(Diagnostic.error(name, 0, 0, "cannot validate: " + Workspace.message(e)));
            }
            if (rs.getResources().size() != counted) {
                counted = rs.getResources().size();
                total = countLocal(rs);
            }
            o.progress().step(Workspace.Progress.Stage.VALIDATE, ++done, Math.max(done, total), name);
        }
    }

    /** The local file a resource was read from, or null (a jar entry). */
    private static Path localFile(Resource r) {
        URI n = r.getURI();
        return n.isFile() ? Path.of(n.toFileString()).toAbsolutePath().normalize() : null;
    }

    private static int countLocal(XtextResourceSet rs) {
        int n = 0;
        for (Resource r : rs.getResources()) if (r.isLoaded() && r instanceof XtextResource && r.getURI().isFile()) n++;
        return n;
    }

    private static Model model(Resource r) {
        return r != null && !r.getContents().isEmpty() && r.getContents().get(0) instanceof Model m ? m : null;
    }

    static Diagnostic toDiagnostic(String file, Issue i) {
        Diagnostic.Severity s = switch (i.getSeverity()) {
            case ERROR -> Diagnostic.Severity.ERROR;
            case WARNING -> Diagnostic.Severity.WARNING;
            default -> Diagnostic.Severity.INFO;
        };
        int line = i.getLineNumber() == null ? 0 : i.getLineNumber();
        int col = i.getColumn() == null ? 0 : i.getColumn();
        if (line == 0 && i.getOffset() != null) line = 1;
        return new Diagnostic(file, line, col, s, Text.oneLine(i.getMessage()), i.getCode());
    }

    /**
     * Reads local regular files of at most {@link ImportResolver#MAX_FILE_BYTES} and local jars' entries
     * only: whatever asks (the linker, a stray proxy), nothing is read from the network, a device, a
     * pipe or a huge file. Which files may be read at all is the {@link ImportResolver}'s rule.
     */
    private static final class LocalFilesOnly extends ExtensibleURIConverterImpl {
        @Override public InputStream createInputStream(URI uri, Map<?, ?> options) throws IOException {
            URI u = normalize(uri);
            if (u.isFile()) {
                Path p = Path.of(u.toFileString());
                if (!Files.isRegularFile(p)) throw new IOException("not a regular file: " + uri);
                if (Files.size(p) > ImportResolver.MAX_FILE_BYTES) throw new IOException("file too large: " + uri);
            } else if (!ImportPath.isLocalArchive(u)) {
                throw new IOException("only local files can be imported: " + uri);
            }
            return super.createInputStream(uri, options);
        }

        @Override public boolean exists(URI uri, Map<?, ?> options) {
            URI u = normalize(uri);
            return (u.isFile() || ImportPath.isLocalArchive(u)) && super.exists(uri, options);
        }
    }
}
