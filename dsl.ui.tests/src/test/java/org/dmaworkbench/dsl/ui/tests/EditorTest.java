package org.dmaworkbench.dsl.ui.tests;

import static org.dmaworkbench.dsl.ui.tests.Workbench.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.dmaworkbench.dsl.ui.markers.DmasMarkers;
import org.dmaworkbench.dsl.ui.outline.DmasOutlinePage;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IProject;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.source.Annotation;
import org.eclipse.jface.text.source.ISourceViewer;
import org.eclipse.jface.text.source.projection.ProjectionAnnotation;
import org.eclipse.jface.text.source.projection.ProjectionViewer;
import org.eclipse.swt.custom.StyleRange;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;
import org.eclipse.ui.IMarkerResolution;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.texteditor.ITextEditor;
import org.eclipse.ui.views.contentoutline.ContentOutline;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The .dmas editor in a real workbench: every feature reached through the editor's own commands and views. */
@ExtendWith(NoErrorsLogged.class)
class EditorTest {
    private IProject project;

    @BeforeEach
    void setUp() throws Exception {
        cleanWorkspace();
        project = project("editor");
        file(project, "platforms/lab.dmas", Fixtures.PLATFORM);
    }

    @AfterEach
    void tearDown() throws Exception {
        closePopups();
        page().closeAllEditors(false);
    }

    @Test
    void dmasFilesOpenInTheGenericEditorWithSyntaxAndSemanticColours() throws Exception {
        ITextEditor editor = open(file(project, "s.dmas", Fixtures.SCENARIOS));
        assertEquals("org.eclipse.ui.genericeditor.GenericEditor", editor.getSite().getId());
        StyledText text = viewer(editor).getTextWidget();
        int kw = Fixtures.SCENARIOS.indexOf("scenario");
        waitUntil("keyword 'scenario' in bold", 5000, () -> text.getStyleRangeAtOffset(kw) != null
                && (text.getStyleRangeAtOffset(kw).fontStyle & org.eclipse.swt.SWT.BOLD) != 0);
        int device = Fixtures.SCENARIOS.indexOf("nic0");
        int keyword = Fixtures.SCENARIOS.indexOf("probe");
        waitUntil("device 'nic0' coloured by the semantic highlighting", 10000, () -> {
            StyleRange d = text.getStyleRangeAtOffset(device);
            StyleRange k = text.getStyleRangeAtOffset(keyword);
            return d != null && k != null && d.foreground != null && !d.foreground.equals(k.foreground);
        });
    }

    @Test
    void keywordsAreNotColouredInsideWordsAndABdfIsOneNumber() throws Exception {
        String text = """
                platform spr_strict {
                    iommu vtd0 arch intel-vtd { pasid-bits 20  address-width 48 }
                    default-domain strict
                }
                device dsa0 { bdf 0000:6a:01.0  iommu vtd0  pasid-bits 20  dma-mask 64  driver idxd }
                scenario "counts" on spr_strict {
                    probe dsa0
                    check iotlb.invalidations >= 0
                }
                """;
        ITextEditor editor = open(file(project, "words.dmas", text));
        StyledText widget = viewer(editor).getTextWidget();
        int kw = text.indexOf("default-domain strict") + "default-domain ".length();
        waitUntil("the keyword 'strict' in bold", 5000, () -> bold(widget, kw));
        assertFalse(bold(widget, text.indexOf("spr_strict") + 4), "'strict' inside spr_strict is part of a name");
        assertFalse(bold(widget, text.indexOf("invalidations") + "invalidatio".length()), "'ns' inside invalidations");
        assertTrue(bold(widget, text.indexOf("address-width")) && bold(widget, text.indexOf("address-width") + "address-".length() + 1),
                "a keyword with a dash is coloured whole");
        int bdf = text.indexOf("0000:6a:01.0");
        StyleRange digit = widget.getStyleRangeAtOffset(bdf + 5);
        StyleRange hexLetter = widget.getStyleRangeAtOffset(bdf + 6);
        StyleRange last = widget.getStyleRangeAtOffset(bdf + 11);
        assertTrue(digit != null && digit.foreground != null, "the BDF is coloured as a number");
        assertTrue(hexLetter != null && digit.foreground.equals(hexLetter.foreground) && last != null && digit.foreground.equals(last.foreground),
                "every character of 0000:6a:01.0 in the same colour");
    }

    private static boolean bold(StyledText t, int offset) {
        StyleRange r = t.getStyleRangeAtOffset(offset);
        return r != null && (r.fontStyle & org.eclipse.swt.SWT.BOLD) != 0;
    }

    @Test
    void renameChangesAHandleEverywhereInItsScenarioAsOneUndoableEdit() throws Exception {
        ITextEditor editor = open(file(project, "s.dmas", Fixtures.SCENARIOS));
        int ref = Fixtures.SCENARIOS.indexOf("dma nic0 read a len") + "dma nic0 read ".length();
        editor.selectAndReveal(ref, 0);
        spin(200);
        answerLater("Rename Handle", "addr", 50);
        execute("org.dmaworkbench.dsl.ui.rename"); // Alt+Shift+R: the dialog is answered from the event loop
        int second = Fixtures.SCENARIOS.indexOf("scenario \"a mapped read");
        String expected = Fixtures.SCENARIOS.substring(0, second).replace("dma_addr a =", "dma_addr addr =")
                .replace("(nic0, a)", "(nic0, addr)").replace("read a len", "read addr len").replace("(nic0, a, 4096", "(nic0, addr, 4096")
                + Fixtures.SCENARIOS.substring(second);
        assertEquals(expected, document(editor).get(), "every use in the first scenario; the second scenario's 'a' is another handle");
        undo(editor);
        assertEquals(Fixtures.SCENARIOS, document(editor).get(), "one undo takes the whole rename back");
    }

    /** Types {@code value} into the dialog titled {@code title} and presses OK, once it is open. */
    private static void answerLater(String title, String value, int tries) {
        display().timerExec(100, () -> {
            for (Shell s : shells()) {
                if (s.isDisposed() || !s.isVisible() || !title.equals(s.getText())) continue;
                find(s, org.eclipse.swt.widgets.Text.class).get(0).setText(value);
                for (org.eclipse.swt.widgets.Button b : find(s, org.eclipse.swt.widgets.Button.class)) {
                    if (b.getText().replace("&", "").equals("OK")) b.notifyListeners(org.eclipse.swt.SWT.Selection, new org.eclipse.swt.widgets.Event());
                }
                return;
            }
            if (tries > 0) answerLater(title, value, tries - 1);
        });
    }

    @Test
    void findReferencesListsEveryUseInTheFileAndGoesToOne() throws Exception {
        ITextEditor editor = open(file(project, "s.dmas", Fixtures.SCENARIOS));
        editor.selectAndReveal(Fixtures.SCENARIOS.indexOf("probe nic0") + 7, 0);
        spin(200);
        execute("org.dmaworkbench.dsl.ui.references");
        org.eclipse.swt.widgets.Table table = waitFor("the references popup", 10000, () -> {
            for (Shell s : shells()) {
                if (s.isDisposed() || !s.isVisible() || s == page().getWorkbenchWindow().getShell()) continue;
                List<org.eclipse.swt.widgets.Table> t = find(s, org.eclipse.swt.widgets.Table.class);
                if (!t.isEmpty() && t.get(0).getItemCount() > 0) return t.get(0);
            }
            return null;
        });
        long uses = java.util.regex.Pattern.compile("\\bnic0\\b").matcher(Fixtures.SCENARIOS).results().count();
        assertEquals(uses, table.getItemCount(), "every use of nic0 in the file (it is declared in the imported platform)");
        assertTrue(table.getItem(2).getText().startsWith("7:"), table.getItem(2).getText());
        table.select(2);
        table.notifyListeners(org.eclipse.swt.SWT.DefaultSelection, new org.eclipse.swt.widgets.Event());
        int offset = ((org.eclipse.jface.text.ITextSelection) editor.getSelectionProvider().getSelection()).getOffset();
        assertEquals(6, document(editor).getLineOfOffset(offset), "the caret on line 7's nic0");
    }

    @Test
    void ctrlSpaceProposesTheDevicesInScope() throws Exception {
        ITextEditor editor = open(file(project, "s.dmas", Fixtures.SCENARIOS));
        IDocument doc = document(editor);
        int at = Fixtures.SCENARIOS.indexOf("    probe nic0") + "    probe ".length();
        doc.replace(at, "nic0".length(), "");
        List<String> proposals = proposalsAt(editor, at, "nic0");
        assertTrue(proposals.stream().anyMatch(s -> s.startsWith("tbt_nic")), proposals::toString);
    }

    @Test
    void ctrlSpaceProposesStatementsAndKernelCalls() throws Exception {
        ITextEditor editor = open(file(project, "s.dmas", Fixtures.SCENARIOS));
        IDocument doc = document(editor);
        int line = Fixtures.SCENARIOS.indexOf("    buffer buf");
        doc.replace(line, 0, "    \n");
        List<String> statements = proposalsAt(editor, line + 4, "dma_map_single");
        assertTrue(statements.stream().anyMatch(s -> s.startsWith("probe")), statements::toString);
    }

    @Test
    void aTemplateFromThePopupInsertsLinkedTabStops() throws Exception {
        ITextEditor editor = open(file(project, "s.dmas", Fixtures.SCENARIOS));
        IDocument doc = document(editor);
        int line = Fixtures.SCENARIOS.indexOf("    buffer buf");
        doc.replace(line, 0, "    \n");
        List<String> items = proposalsAt(editor, line + 4, "idxd-pasid");
        Table popup = proposalTable();
        int index = -1;
        for (int i = 0; i < items.size(); i++) if (items.get(i).startsWith("idxd-pasid")) index = i;
        popup.setSelection(index);
        popup.notifyListeners(org.eclipse.swt.SWT.DefaultSelection, new org.eclipse.swt.widgets.Event()); // Enter
        spin(100);
        String text = doc.get();
        assertTrue(text.contains("pasid kp = iommu_alloc_global_pasid(nic0)\n    iommu_attach_device_pasid(default_domain(nic0), nic0, kp) expect 0"), text);
        org.eclipse.jface.text.ITextSelection sel = (org.eclipse.jface.text.ITextSelection) editor.getSelectionProvider().getSelection();
        assertEquals("nic0", sel.getText(), "the first tab stop is selected");
        doc.replace(sel.getOffset(), sel.getLength(), "tbt_nic"); // typing over it
        spin(100);
        assertTrue(doc.get().contains("iommu_attach_device_pasid(default_domain(tbt_nic), tbt_nic, kp)"), "mirrors follow: " + doc.get());
    }

    /** Ctrl+Space at {@code offset}: the labels in the popup once one starts with {@code expected}. */
    static List<String> proposalsAt(ITextEditor editor, int offset, String expected) throws Exception {
        page().activate(editor);
        editor.setFocus();
        editor.selectAndReveal(offset, 0);
        spin(200);
        Table popup = null;
        for (int attempt = 0; attempt < 3 && popup == null; attempt++) { // as a user presses Ctrl+Space again
            execute("org.eclipse.ui.edit.text.contentAssist.proposals");
            long end = System.currentTimeMillis() + 4000;
            while ((popup = proposalTable()) == null && System.currentTimeMillis() < end) spin(20);
        }
        if (popup == null) {
            String shellsNow = shells().stream().filter(s -> !s.isDisposed()).map(s -> s.getText() + (s.isVisible() ? "(visible)" : "")).toList().toString();
            fail("no completion popup after three Ctrl+Space; focus in " + display().getFocusControl() + ", active shell "
                    + display().getActiveShell() + ", shells " + shellsNow + ", screen in " + snapshot("no-completion-popup")
                    + "\nthreads:\n" + threads());
        }
        Table shown = popup;
        return waitFor("proposals in the popup", 10000, () -> {
            List<String> items = Arrays.stream(shown.getItems()).map(TableItem::getText).toList();
            return items.stream().anyMatch(s -> s.startsWith(expected)) ? items : null;
        });
    }

    static String threads() {
        StringBuilder sb = new StringBuilder();
        Thread.getAllStackTraces().forEach((t, st) -> {
            String s = java.util.Arrays.stream(st).map(String::valueOf).collect(java.util.stream.Collectors.joining("\n    "));
            if (s.contains("dmaworkbench") || s.contains("contentassist") || s.contains("ContentAssist")) {
                sb.append(t.getName()).append(" ").append(t.getState()).append("\n    ").append(s).append('\n');
            }
        });
        return sb.toString();
    }

    static Table proposalTable() {
        for (Shell s : shells()) {
            if (s.isDisposed() || !s.isVisible() || s == page().getWorkbenchWindow().getShell()) continue;
            for (Table t : find(s, Table.class)) if (t.getItemCount() > 0) return t;
        }
        return null;
    }

    @Test
    void aBrokenFileGetsMarkersOnTheRightLinesWhileTypingAndAfterSave() throws Exception {
        IFile f = file(project, "typo.dmas", Fixtures.MISSPELLED);
        ITextEditor editor = open(f);
        IMarker m = waitFor("a problem marker", 15000, () -> first(f, "dma_map_singel"));
        assertEquals(4, m.getAttribute(IMarker.LINE_NUMBER, -1));
        assertEquals(IMarker.SEVERITY_ERROR, m.getAttribute(IMarker.SEVERITY, -1));

        IDocument doc = document(editor);
        int line6 = doc.getLineOffset(5);
        doc.replace(line6, 0, "    probe nosuchdevice\n");
        assertTrue(editor.isDirty());
        IMarker typed = waitFor("a marker for the line being typed", 15000, () -> first(f, "nosuchdevice"));
        assertEquals(6, typed.getAttribute(IMarker.LINE_NUMBER, -1));

        execute("org.eclipse.ui.file.save");
        assertFalse(editor.isDirty());
        waitForJobs(org.dmaworkbench.dsl.ui.markers.SavedFilesValidator.FAMILY, 15000);
        assertNotNull(first(f, "nosuchdevice"), "the marker stays after save");
    }

    @Test
    void savingAnImportedFileRechecksTheFilesThatImportIt() throws Exception {
        IFile scenarios = file(project, "s.dmas", Fixtures.SCENARIOS); // never opened
        waitForJobs(org.dmaworkbench.dsl.ui.markers.SavedFilesValidator.FAMILY, 15000);
        spin(300);
        waitForJobs(org.dmaworkbench.dsl.ui.markers.SavedFilesValidator.FAMILY, 15000);
        assertEquals(0, java.util.Arrays.stream(markers(scenarios, DmasMarkers.PROBLEM))
                .filter(m -> m.getAttribute(IMarker.SEVERITY, 0) == IMarker.SEVERITY_ERROR).count());
        ITextEditor platform = open(project.getFile("platforms/lab.dmas"));
        IDocument doc = document(platform);
        doc.set(doc.get().replace("device nic0", "device nic9"));
        execute("org.eclipse.ui.file.save");
        waitFor("a marker in the file that imports the saved one", 15000, () -> first(scenarios, "nic0"));
        List<Integer> lines = java.util.Arrays.stream(markers(scenarios, DmasMarkers.PROBLEM))
                .filter(x -> x.getAttribute(IMarker.MESSAGE, "").contains("'nic0'")).map(x -> x.getAttribute(IMarker.LINE_NUMBER, -1)).sorted().toList();
        assertEquals(4, lines.get(0), lines::toString); // "probe nic0" of the first scenario, and every later use

    }

    @Test
    void aFileOutsideTheWorkspaceGetsSquigglesWithoutMarkers(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Files.createDirectories(dir.resolve("platforms"));
        java.nio.file.Files.writeString(dir.resolve("platforms/lab.dmas"), Fixtures.PLATFORM);
        java.nio.file.Path typo = dir.resolve("typo.dmas");
        java.nio.file.Files.writeString(typo, Fixtures.MISSPELLED);
        ITextEditor editor = (ITextEditor) IDE.openEditorOnFileStore(page(),
                org.eclipse.core.filesystem.EFS.getLocalFileSystem().getStore(typo.toUri()));
        ISourceViewer viewer = viewer(editor);
        int at = Fixtures.MISSPELLED.indexOf("dma_map_singel");
        org.eclipse.jface.text.Position p = waitFor("an error annotation on the misspelled call", 15000, () -> {
            for (Iterator<Annotation> it = viewer.getAnnotationModel().getAnnotationIterator(); it.hasNext(); ) {
                Annotation a = it.next();
                if ("org.eclipse.ui.workbench.texteditor.error".equals(a.getType()) && a.getText().contains("dma_map_singel")) {
                    return viewer.getAnnotationModel().getPosition(a);
                }
            }
            return null;
        });
        assertEquals(at, p.getOffset());
    }

    static IMarker first(IFile f, String text) {
        try {
            for (IMarker m : markers(f, DmasMarkers.PROBLEM)) if (m.getAttribute(IMarker.MESSAGE, "").contains(text)) return m;
        } catch (Exception e) {
            return null;
        }
        return null;
    }

    @Test
    void aQuickFixFromTheMarkerRepairsTheFile() throws Exception {
        IFile f = file(project, "typo.dmas", Fixtures.MISSPELLED);
        ITextEditor editor = open(f);
        IMarker m = waitFor("the unknown-call marker", 15000, () -> first(f, "dma_map_singel"));
        assertTrue(IDE.getMarkerHelpRegistry().hasResolutions(m));
        IMarkerResolution[] fixes = IDE.getMarkerHelpRegistry().getResolutions(m);
        assertEquals("Change to dma_map_single", fixes[0].getLabel());
        fixes[0].run(m);
        assertTrue(document(editor).get().contains("dma_addr a = dma_map_single(nic0, buf, 64, DMA_TO_DEVICE)"), document(editor).get());
        assertTrue(editor.isDirty(), "the fix lands in the open editor, unsaved");
        undo(editor);
        assertTrue(document(editor).get().contains("dma_map_singel"), "undo takes the fix back");
        redo(editor);
        execute("org.eclipse.ui.file.save");
        waitUntil("no problem marker left", 15000, () -> first(f, "dma_map_singel") == null);
    }

    @Test
    void ctrlOneOffersTheMarkersQuickFixInTheEditor() throws Exception {
        IFile f = file(project, "typo.dmas", Fixtures.MISSPELLED);
        ITextEditor editor = open(f);
        waitFor("the unknown-call marker", 15000, () -> first(f, "dma_map_singel"));
        page().activate(editor);
        editor.setFocus();
        editor.selectAndReveal(Fixtures.MISSPELLED.indexOf("dma_map_singel") + 3, 0);
        spin(200);
        execute("org.eclipse.jdt.ui.edit.text.java.correction.assist.proposals"); // Ctrl+1 (ITextEditorActionDefinitionIds.QUICK_ASSIST)
        Table popup = waitFor("the quick-fix popup", 10000, EditorTest::proposalTable);
        List<String> fixes = waitFor("quick fixes", 10000, () -> {
            List<String> items = Arrays.stream(popup.getItems()).map(TableItem::getText).toList();
            return items.contains("Change to dma_map_single") ? items : null;
        });
        assertTrue(fixes.contains("Change to dma_map_single"), fixes::toString);
    }

    @Test
    void ctrlShiftFFormatsTheFile() throws Exception {
        ITextEditor editor = open(file(project, "messy.dmas", Fixtures.UNFORMATTED));
        execute("org.dmaworkbench.dsl.ui.format");
        String text = document(editor).get();
        assertTrue(text.contains("\n    probe nic0\n    buffer buf = kmalloc(64)\n}"), text);
        undo(editor);
        assertEquals(Fixtures.UNFORMATTED, document(editor).get(), "formatting is one undoable change");
        assertTrue(org.eclipse.ui.PlatformUI.getWorkbench().getService(org.eclipse.ui.keys.IBindingService.class)
                .getActiveBindingsFor("org.dmaworkbench.dsl.ui.format").length > 0, "Ctrl+Shift+F is bound in the editor");
    }

    @Test
    void outlineListsPlatformsDevicesAndScenarios() throws Exception {
        open(file(project, "s.dmas", Fixtures.SCENARIOS));
        ContentOutline outline = (ContentOutline) page().showView(IPageLayout.ID_OUTLINE);
        assertTrue(outline.getCurrentPage() instanceof DmasOutlinePage, String.valueOf(outline.getCurrentPage()));
        Tree tree = ((DmasOutlinePage) outline.getCurrentPage()).getControl() instanceof Tree t ? t : null;
        assertNotNull(tree);
        List<String> items = waitFor("outline entries", 10000, () -> {
            List<String> names = Arrays.stream(tree.getItems()).map(TreeItem::getText).toList();
            return names.size() >= 2 ? names : null;
        });
        assertTrue(items.get(0).startsWith("map and read"), items::toString);
        assertTrue(items.get(1).startsWith("a mapped read expected to fault"), items::toString);
    }

    @Test
    void scenariosFoldAndOccurrencesAreMarked() throws Exception {
        ITextEditor editor = open(file(project, "s.dmas", Fixtures.SCENARIOS));
        ProjectionViewer viewer = (ProjectionViewer) viewer(editor);
        waitUntil("two folding regions", 10000, () -> count(viewer.getProjectionAnnotationModel().getAnnotationIterator(), null) >= 2);
        int nic = Fixtures.SCENARIOS.indexOf("nic0");
        editor.selectAndReveal(nic + 1, 0);
        ISourceViewer sv = viewer;
        waitUntil("occurrences of nic0 marked", 10000,
                () -> count(sv.getAnnotationModel().getAnnotationIterator(), "org.eclipse.ui.genericeditor.text") >= 4);
    }

    private static int count(Iterator<Annotation> it, String type) {
        int n = 0;
        while (it.hasNext()) {
            Annotation a = it.next();
            if (type == null ? a instanceof ProjectionAnnotation : type.equals(a.getType())) n++;
        }
        return n;
    }

    @Test
    void bracketsMatch() throws Exception {
        ITextEditor editor = open(file(project, "s.dmas", Fixtures.SCENARIOS));
        int open = Fixtures.SCENARIOS.indexOf('{');
        int close = Fixtures.SCENARIOS.indexOf("\n}") + 1;
        editor.selectAndReveal(open + 1, 0);
        execute("org.eclipse.ui.genericeditor.gotoMatchingBracket");
        int caret = ((org.eclipse.jface.text.ITextSelection) editor.getSelectionProvider().getSelection()).getOffset();
        assertTrue(caret == close || caret == close + 1, "caret at " + caret + ", closing brace at " + close);
    }

    @Test
    void openHyperlinkGoesToTheDeviceInTheImportedFile() throws Exception {
        ITextEditor editor = open(file(project, "s.dmas", Fixtures.SCENARIOS));
        int nic = Fixtures.SCENARIOS.indexOf("probe nic0") + "probe ".length();
        editor.selectAndReveal(nic + 1, 0);
        spin(200);
        execute("org.eclipse.ui.edit.text.open.hyperlink");
        ITextEditor target = waitFor("the platform file in an editor", 10000,
                () -> page().getActiveEditor() instanceof ITextEditor te && te.getEditorInput().getName().equals("lab.dmas") ? te : null);
        int selected = ((org.eclipse.jface.text.ITextSelection) target.getSelectionProvider().getSelection()).getOffset();
        assertEquals(Fixtures.PLATFORM.indexOf("device nic0") + "device ".length(), selected);
    }

    @Test
    void hoverExplainsAKernelCall() throws Exception {
        ITextEditor editor = open(file(project, "s.dmas", Fixtures.SCENARIOS));
        int call = Fixtures.SCENARIOS.indexOf("dma_map_single") + 3;
        editor.selectAndReveal(call, 0);
        spin(200);
        execute("org.eclipse.ui.edit.text.showInformation");
        String shown = waitFor("the hover popup", 10000, () -> {
            for (Shell s : shells()) {
                if (s.isDisposed() || !s.isVisible() || s == page().getWorkbenchWindow().getShell()) continue;
                for (StyledText t : find(s, StyledText.class)) if (t.getText().contains("dma_map_single")) return t.getText();
            }
            return null;
        });
        assertTrue(shown.contains("dma_addr_t") || shown.contains("direction") || shown.contains("map"), shown);
        StyledText popup = null;
        for (Shell s : shells()) {
            if (s.isDisposed() || !s.isVisible() || s == page().getWorkbenchWindow().getShell()) continue;
            for (StyledText t : find(s, StyledText.class)) if (t.getText().contains("dma_map_single")) popup = t;
        }
        assertNotNull(popup);
        org.eclipse.swt.graphics.GC gc = new org.eclipse.swt.graphics.GC(popup);
        double charWidth = gc.getFontMetrics().getAverageCharacterWidth();
        gc.dispose();
        int longest = java.util.Arrays.stream(shown.split("\n")).mapToInt(String::length).max().orElse(0);
        assertTrue(popup.getWordWrap(), "the hover text wraps");
        assertTrue(popup.getShell().getSize().x <= 90 * charWidth, "at most about 80 columns wide: " + popup.getShell().getSize() + " for a longest line of " + longest);
        assertTrue(longest > 90, "the outcomes line of dma_map_single is longer than a hover line");
        int visualLines = popup.getTextBounds(0, popup.getCharCount() - 1).height / popup.getLineHeight();
        assertTrue(visualLines > popup.getLineCount(), "long lines are wrapped: " + visualLines + " lines shown for " + popup.getLineCount());
    }

    static void undo(ITextEditor editor) throws Exception {
        page().activate(editor);
        spin(100);
        execute("org.eclipse.ui.edit.undo");
    }

    static void redo(ITextEditor editor) throws Exception {
        page().activate(editor);
        spin(100);
        execute("org.eclipse.ui.edit.redo");
    }

    @Test
    void typingUndoSaveKeepsEveryEdit() throws Exception {
        IFile f = file(project, "s.dmas", Fixtures.SCENARIOS);
        ITextEditor editor = open(f);
        IDocument doc = document(editor);
        doc.replace(0, 0, "// a note\n");
        assertTrue(editor.isDirty());
        undo(editor);
        assertEquals(Fixtures.SCENARIOS, doc.get());
        doc.replace(0, 0, "// kept\n");
        execute("org.eclipse.ui.file.save");
        assertFalse(editor.isDirty());
        assertEquals("// kept\n" + Fixtures.SCENARIOS, new String(f.getContents().readAllBytes(), "UTF-8"));
    }
}
