package org.dmaworkbench.idecheck;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.ITextOperationTarget;
import org.eclipse.jface.text.source.ISourceViewer;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.texteditor.ITextEditor;
import org.osgi.framework.FrameworkUtil;

/** The .dmas editor as a user meets it: opened from the workspace, Ctrl+Space, F2 (hover), popups. */
final class Editors {
    static final String GENERIC_EDITOR = "org.eclipse.ui.genericeditor.GenericEditor";
    static final String CONTENT_ASSIST = "org.eclipse.ui.edit.text.contentAssist.proposals";
    static final String SHOW_HOVER = "org.eclipse.ui.edit.text.showInformation";
    private static final Pattern FIRST_DECLARATION = Pattern.compile("(?m)^(import|platform|device|scenario|benchmark)\\b");
    private static final Pattern SCENARIO_OPENS = Pattern.compile("(?m)^scenario\\b.*\\{[ \\t]*$");

    /** The project the launcher side filled with examples/ ({@code dmas.idecheck.project}), opened, its .dmas files by path. */
    List<IFile> examples() throws CoreException {
        String name = FrameworkUtil.getBundle(getClass()).getBundleContext().getProperty("dmas.idecheck.project");
        IProject p = ResourcesPlugin.getWorkspace().getRoot().getProject(name == null ? "examples" : name);
        if (!p.exists()) p.create(null);
        p.open(null);
        p.refreshLocal(IResource.DEPTH_INFINITE, null);
        List<IFile> files = new ArrayList<>();
        p.accept(r -> {
            if (r instanceof IFile f && "dmas".equals(f.getFileExtension())) files.add(f);
            return true;
        });
        files.sort(Comparator.comparing(f -> f.getProjectRelativePath().toString()));
        if (files.isEmpty()) throw new CheckFailed("no .dmas file in " + p.getLocation());
        return files;
    }

    static boolean callsDmaMapSingle(IFile f) {
        return text(f).contains("dma_map_single(");
    }

    /** Opens {@code f} as a double-click does: the generic editor, with syntax colouring. */
    String open(IFile f) throws Exception {
        IEditorPart part = IDE.openEditor(Ui.page(), f, true);
        Ui.spin(50);
        if (!(part instanceof ITextEditor editor)) {
            throw new CheckFailed("opened as " + (part == null ? "nothing" : part.getClass().getName() + " '" + part.getTitle() + "'")
                    + ", not a text editor (Failed to create the part's controls?)");
        }
        if (!GENERIC_EDITOR.equals(part.getSite().getId())) throw new CheckFailed("opened in " + part.getSite().getId());
        StyledText text = viewer(editor).getTextWidget();
        Matcher m = FIRST_DECLARATION.matcher(document(editor).get());
        if (!m.find()) return "generic editor (no declaration to colour)";
        int at = m.start();
        Ui.waitFor("syntax colouring of '" + m.group(1) + "'", 15000, () -> text.getStyleRangeAtOffset(at) != null ? at : null);
        return "generic editor, '" + m.group(1) + "' coloured";
    }

    /** Ctrl+Space on a new line in the first scenario: the statements come up in the popup. */
    String completion(IFile f) throws Exception {
        ITextEditor editor = (ITextEditor) IDE.openEditor(Ui.page(), f, true);
        IDocument doc = document(editor);
        Matcher m = SCENARIO_OPENS.matcher(doc.get());
        if (!m.find()) throw new CheckFailed("no line opening a scenario in " + f.getName());
        int line = m.end() + 1;
        doc.replace(line, 0, "    \n");
        try {
            List<String> items = proposalsAt(editor, line + 4, "probe");
            return items.size() + " proposals, e.g. " + items.subList(0, Math.min(items.size(), 4));
        } finally {
            Ui.closePopups();
            editor.doRevertToSaved();
        }
    }

    /** F2 ("Show Tooltip Description") on a kernel call: the hover explains it. */
    String hover(IFile f) throws Exception {
        ITextEditor editor = (ITextEditor) IDE.openEditor(Ui.page(), f, true);
        int call = document(editor).get().indexOf("dma_map_single(") + 3;
        String shown = hoverAt(editor, call, "dma_map_single");
        if (shown.strip().length() <= "dma_map_single".length() + 5) throw new CheckFailed("the hover says only: " + shown);
        return shown.strip().split("\n")[0];
    }

    /** F2 at {@code offset}; the text of the popup once it contains {@code expected}. */
    static String hoverAt(ITextEditor editor, int offset, String expected) throws Exception {
        activate(editor, offset);
        Ui.execute(SHOW_HOVER);
        try {
            return Ui.waitFor("a hover popup saying '" + expected + "'", Ui.POPUP_MS, () -> {
                for (Shell s : Ui.popups()) {
                    String text = Ui.textIn(s);
                    if (text.contains(expected)) return text;
                }
                return null;
            });
        } catch (CheckFailed e) {
            throw new CheckFailed(e.getMessage() + "; " + Ui.describePopups());
        }
    }

    /** Ctrl+Space at {@code offset} (pressed again, as a user would, if no popup comes); the labels once one starts with {@code expected}. */
    static List<String> proposalsAt(ITextEditor editor, int offset, String expected) throws Exception {
        activate(editor, offset);
        Table popup = null;
        for (int attempt = 0; attempt < 3 && popup == null; attempt++) {
            Ui.execute(CONTENT_ASSIST);
            long end = System.currentTimeMillis() + 4000;
            while ((popup = proposalTable()) == null && System.currentTimeMillis() < end) Ui.spin(20);
        }
        if (popup == null) throw new CheckFailed("no completion popup after Ctrl+Space three times");
        Table shown = popup;
        return Ui.waitFor("a proposal starting with '" + expected + "'", Ui.POPUP_MS, () -> {
            List<String> items = Arrays.stream(shown.getItems()).map(TableItem::getText).toList();
            return items.stream().anyMatch(s -> s.startsWith(expected)) ? items : null;
        });
    }

    static Table proposalTable() {
        for (Shell s : Ui.popups()) for (Table t : Ui.find(s, Table.class)) if (!t.isDisposed() && t.getItemCount() > 0) return t;
        return null;
    }

    static void activate(ITextEditor editor, int offset) {
        Ui.page().activate(editor);
        editor.setFocus();
        editor.selectAndReveal(offset, 0);
        Ui.spin(200);
    }

    static IDocument document(ITextEditor editor) {
        return editor.getDocumentProvider().getDocument(editor.getEditorInput());
    }

    static ISourceViewer viewer(ITextEditor editor) {
        ISourceViewer v = (ISourceViewer) editor.getAdapter(ITextOperationTarget.class);
        if (v == null) throw new CheckFailed("the editor has no text viewer");
        return v;
    }

    static String text(IFile f) {
        try (InputStream in = f.getContents(true)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException | CoreException e) {
            throw new CheckFailed("cannot read " + f.getFullPath() + ": " + e.getMessage());
        }
    }
}
