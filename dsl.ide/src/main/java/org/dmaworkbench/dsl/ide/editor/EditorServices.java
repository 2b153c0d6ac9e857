package org.dmaworkbench.dsl.ide.editor;

import com.google.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionContext;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.DocumentFormattingParams;
import org.eclipse.lsp4j.DocumentHighlight;
import org.eclipse.lsp4j.DocumentHighlightParams;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.FormattingOptions;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.xtext.ide.editor.folding.FoldingRange;
import org.eclipse.xtext.ide.editor.folding.IFoldingRangeProvider;
import org.eclipse.xtext.ide.editor.syntaxcoloring.ISemanticHighlightingCalculator;
import org.eclipse.xtext.ide.server.Document;
import org.eclipse.xtext.ide.server.codeActions.ICodeActionService2;
import org.eclipse.xtext.ide.server.contentassist.ContentAssistService;
import org.eclipse.xtext.ide.server.formatting.FormattingService;
import org.eclipse.xtext.ide.server.hover.IHoverService;
import org.eclipse.xtext.ide.server.occurrences.IDocumentHighlightService;
import org.eclipse.xtext.ide.server.symbol.HierarchicalDocumentSymbolService;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.resource.EObjectAtOffsetHelper;
import org.eclipse.xtext.resource.ILocationInFileProvider;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.service.OperationCanceledError;
import org.eclipse.xtext.service.OperationCanceledManager;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.util.ITextRegion;
import org.eclipse.xtext.util.ITextRegionWithLineInformation;
import org.eclipse.xtext.util.TextRegion;
import org.eclipse.xtext.validation.CheckMode;
import org.eclipse.xtext.validation.IResourceValidator;
import org.eclipse.xtext.validation.Issue;

/**
 * The editor features of the language for an in-process client (the Eclipse plug-in): each method
 * calls the same Xtext ide service the language server uses, on an {@link EditorDocument}, and
 * answers in LSP4J's data types. Nothing here touches a UI toolkit.
 */
public class EditorServices {
    @Inject private ContentAssistService contentAssist;
    @Inject private IHoverService hover;
    @Inject private FormattingService formatting;
    @Inject private HierarchicalDocumentSymbolService symbols;
    @Inject private IFoldingRangeProvider folding;
    @Inject private IDocumentHighlightService occurrences;
    @Inject private ICodeActionService2 codeActions;
    @Inject private ISemanticHighlightingCalculator semanticHighlighting;
    @Inject private IResourceValidator validator;
    @Inject private EObjectAtOffsetHelper eObjectAtOffset;
    @Inject private ILocationInFileProvider locations;
    @Inject private OperationCanceledManager cancellation;
    @Inject private org.dmaworkbench.dsl.ide.rename.DmasRenamer renamer;

    /** Completion proposals at {@code offset}: keywords, handles in scope, enum values, templates. */
    public List<CompletionItem> complete(EditorDocument doc, int offset, CancelIndicator cancel) {
        return orEmpty(() -> doc.read((d, r) -> {
            CompletionParams p = new CompletionParams(id(doc), d.getPosition(offset));
            return contentAssist.createCompletionList(d, r, p, cancel).getItems();
        }));
    }

    /** The hover text (Markdown) at {@code offset}, or null. */
    public String hover(EditorDocument doc, int offset, CancelIndicator cancel) {
        return doc.read((d, r) -> {
            Hover h = hover.hover(d, r, new HoverParams(id(doc), d.getPosition(offset)), cancel);
            if (h == null || h.getContents() == null) return null;
            if (h.getContents().isRight()) return h.getContents().getRight().getValue();
            StringBuilder sb = new StringBuilder();
            for (var part : h.getContents().getLeft()) sb.append(part.isLeft() ? part.getLeft() : part.getRight().getValue()).append('\n');
            return sb.isEmpty() ? null : sb.toString().strip();
        });
    }

    /** The edits that format the whole document (four-space indentation, one statement per line). */
    public List<TextEdit> format(EditorDocument doc, CancelIndicator cancel) {
        return doc.read((d, r) -> {
            DocumentFormattingParams p = new DocumentFormattingParams(id(doc), new FormattingOptions(4, true));
            return List.<TextEdit>copyOf(formatting.format(d, r, p, cancel));
        });
    }

    /** The outline: platforms, devices, scenarios, benchmarks and their steps. */
    public List<DocumentSymbol> symbols(EditorDocument doc, CancelIndicator cancel) {
        return orEmpty(() -> doc.read((d, r) -> List.copyOf(symbols.getSymbols(r, cancel))));
    }

    /**
     * The scenario or benchmark whose text contains {@code offset}: its name, for running just it
     * ("Run As" with the caret inside it), or null between them.
     */
    public String runnableAt(EditorDocument doc, int offset) {
        return doc.read((d, r) -> {
            var pos = d.getPosition(Math.min(offset, d.getContents().length()));
            for (DocumentSymbol s : symbols.getSymbols(r, CancelIndicator.NullImpl)) {
                if (s.getKind() != org.eclipse.lsp4j.SymbolKind.Function && s.getKind() != org.eclipse.lsp4j.SymbolKind.Event) continue;
                Range range = s.getRange();
                if (before(range.getStart(), pos) && before(pos, range.getEnd())) return s.getName();
            }
            return null;
        });
    }

    private static boolean before(org.eclipse.lsp4j.Position a, org.eclipse.lsp4j.Position b) {
        return a.getLine() < b.getLine() || a.getLine() == b.getLine() && a.getCharacter() <= b.getCharacter();
    }

    /** The name of the handle a rename at {@code offset} changes; throws {@code DmasRenamer.Refused} with the reason when none can be. */
    public String renameTarget(EditorDocument doc, int offset) {
        return doc.read((d, r) -> renamer.target(r, offset).name());
    }

    /** Why {@code newName} cannot be given to the handle at {@code offset}, or null when it can. */
    public String renameProblem(EditorDocument doc, int offset, String newName) {
        return doc.read((d, r) -> renamer.problem(renamer.target(r, offset).handle(), newName));
    }

    /** The edits that rename the handle at {@code offset}: its declaration and every use (the language server's rename too). */
    public List<TextEdit> rename(EditorDocument doc, int offset, String newName) {
        return doc.read((d, r) -> renamer.rename(r, offset, newName).stream()
                .map(x -> new TextEdit(new Range(d.getPosition(x.offset()), d.getPosition(x.offset() + x.length())), x.text()))
                .toList());
    }

    /** The declaration and references in this document of what is named at {@code offset} (character regions, sorted). */
    public List<ITextRegion> references(EditorDocument doc, int offset) {
        return orEmpty(() -> doc.read((d, r) -> renamer.references(r, offset)));
    }

    /** Foldable regions (character offsets), sorted by offset. */
    public List<FoldingRange> folding(EditorDocument doc, CancelIndicator cancel) {
        return orEmpty(() -> doc.read((d, r) -> {
            List<FoldingRange> out = new ArrayList<>(folding.getFoldingRanges(r, cancel));
            out.sort(Comparator.comparingInt(FoldingRange::getOffset));
            return out;
        }));
    }

    /** The occurrences of the element under {@code offset} in this document. */
    public List<DocumentHighlight> occurrences(EditorDocument doc, int offset, CancelIndicator cancel) {
        return orEmpty(() -> doc.read((d, r) -> List.<DocumentHighlight>copyOf(
                occurrences.getDocumentHighlights(d, r, new DocumentHighlightParams(id(doc), d.getPosition(offset)), cancel))));
    }

    /** Where the reference under {@code offset} is declared (possibly in an imported file), or null. */
    public Target definition(EditorDocument doc, int offset) {
        return doc.read((d, r) -> {
            INode node = eObjectAtOffset.getCrossReferenceNode(r, new TextRegion(offset, 0));
            if (node == null) return null;
            EObject target = eObjectAtOffset.resolveCrossReferencedElementAt(r, offset);
            if (target == null || target.eIsProxy() || target.eResource() == null) return null;
            ITextRegion region = locations.getSignificantTextRegion(target);
            int line = region instanceof ITextRegionWithLineInformation l ? l.getLineNumber() + 1 : 1;
            return new Target(node.getOffset(), node.getLength(), target.eResource().getURI().toString(),
                    region.getOffset(), region.getLength(), line);
        });
    }

    /** The quick fixes for {@code problem}, whose offsets refer to the document's current text. */
    public List<Fix> fixes(EditorDocument doc, Problem problem, CancelIndicator cancel) {
        return doc.read((d, r) -> {
            ICodeActionService2.Options o = new ICodeActionService2.Options();
            Diagnostic diag = diagnostic(d, problem);
            o.setDocument(d);
            o.setResource(r);
            o.setURI(doc.uri());
            o.setCancelIndicator(cancel);
            o.setCodeActionParams(new CodeActionParams(id(doc), diag.getRange(), new CodeActionContext(List.of(diag))));
            List<Fix> out = new ArrayList<>();
            for (Either<Command, CodeAction> e : codeActions.getCodeActions(o)) {
                if (!e.isRight() || e.getRight().getEdit() == null || e.getRight().getEdit().getChanges() == null) continue;
                List<TextEdit> edits = e.getRight().getEdit().getChanges().get(doc.uri());
                if (edits != null) out.add(new Fix(e.getRight().getTitle(), List.copyOf(edits)));
            }
            return out;
        });
    }

    /**
     * Parses {@code text} on its own (not the document's shared resource, so the UI thread never
     * waits for it), validates it and computes its semantic highlighting.
     */
    public Checked check(String uri, int version, String text, CancelIndicator cancel) {
        XtextResourceSet rs = DmasIde.resourceSet();
        XtextResource r = (XtextResource) rs.createResource(URI.createURI(uri));
        try {
            r.load(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), Map.of());
        } catch (IOException e) {
            return new Checked(version, List.of(new Problem(Problem.Severity.ERROR, "cannot read: " + e.getMessage(), null, List.of(), 0, 0, 1)), List.of());
        }
        List<Problem> problems = new ArrayList<>();
        List<Highlight> highlights = new ArrayList<>();
        try {
            for (Issue i : validator.validate(r, CheckMode.ALL, cancel)) problems.add(problem(i));
            semanticHighlighting.provideHighlightingFor(r, (offset, length, styles) -> {
                if (styles.length > 0) highlights.add(new Highlight(offset, length, styles[0]));
            }, cancel);
        } catch (RuntimeException | OperationCanceledError e) {
            if (!cancellation.isOperationCanceledException(e)) throw e;
            return new Checked(version, List.of(), List.of()); // the text changed meanwhile: the caller drops this result
        }
        return new Checked(version, problems, highlights);
    }

    /** Runs a request; when it was cancelled (the text changed, the user moved on) the answer is empty. */
    private <T> List<T> orEmpty(java.util.function.Supplier<List<T>> request) {
        try {
            return request.get();
        } catch (RuntimeException | OperationCanceledError e) {
            if (!cancellation.isOperationCanceledException(e)) throw e;
            return List.of();
        }
    }

    static Problem problem(Issue i) {
        Problem.Severity s = switch (i.getSeverity()) {
            case ERROR -> Problem.Severity.ERROR;
            case WARNING -> Problem.Severity.WARNING;
            default -> Problem.Severity.INFO;
        };
        int offset = i.getOffset() == null ? 0 : i.getOffset();
        int length = i.getLength() == null ? 0 : i.getLength();
        int line = i.getLineNumber() == null ? 1 : i.getLineNumber();
        return new Problem(s, i.getMessage(), i.getCode(), i.getData() == null ? List.of() : List.of(i.getData()), offset, length, line);
    }

    static Diagnostic diagnostic(Document d, Problem p) {
        int end = Math.min(d.getContents().length(), p.offset() + p.length());
        int start = Math.min(p.offset(), end);
        Diagnostic diag = new Diagnostic(new Range(d.getPosition(start), d.getPosition(end)), p.message());
        diag.setSeverity(switch (p.severity()) {
            case ERROR -> DiagnosticSeverity.Error;
            case WARNING -> DiagnosticSeverity.Warning;
            case INFO -> DiagnosticSeverity.Information;
        });
        if (p.code() != null) diag.setCode(p.code());
        diag.setData(p.data().toArray(String[]::new));
        return diag;
    }

    private static TextDocumentIdentifier id(EditorDocument doc) {
        return new TextDocumentIdentifier(doc.uri());
    }
}
