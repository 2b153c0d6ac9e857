package org.dmaworkbench.dsl.ui.editor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.dmaworkbench.dsl.ui.DmasUiPlugin;
import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.contentassist.ICompletionProposal;
import org.eclipse.jface.text.link.LinkedModeModel;
import org.eclipse.jface.text.link.LinkedModeUI;
import org.eclipse.jface.text.link.LinkedPosition;
import org.eclipse.jface.text.link.LinkedPositionGroup;
import org.eclipse.jface.text.link.ProposalPosition;
import org.eclipse.jface.text.contentassist.CompletionProposal;
import org.eclipse.ui.texteditor.link.EditorLinkedModeUI;

/**
 * After a template is inserted: Eclipse's linked mode over its tab stops. Tab and Shift+Tab move
 * between them, typing in one changes its mirrors, a choice offers its values, Enter leaves at
 * {@code $0}.
 */
final class TemplateLinkedMode {
    private TemplateLinkedMode() { }

    static void enter(ITextViewer viewer, int offset, Snippet snippet) {
        IDocument doc = viewer.getDocument();
        Map<Integer, List<Snippet.Stop>> byNumber = new TreeMap<>();
        for (Snippet.Stop s : snippet.stops()) byNumber.computeIfAbsent(s.number(), n -> new ArrayList<>()).add(s);
        try {
            LinkedModeModel model = new LinkedModeModel();
            int sequence = 0;
            for (List<Snippet.Stop> occurrences : byNumber.values()) {
                LinkedPositionGroup group = new LinkedPositionGroup();
                for (Snippet.Stop s : occurrences) {
                    group.addPosition(s.choices().isEmpty()
                            ? new LinkedPosition(doc, offset + s.offset(), s.length(), sequence)
                            : new ProposalPosition(doc, offset + s.offset(), s.length(), sequence, choices(offset + s.offset(), s)));
                }
                model.addGroup(group);
                sequence++;
            }
            model.forceInstall();
            LinkedModeUI ui = new EditorLinkedModeUI(model, viewer);
            ui.setExitPosition(viewer, offset + snippet.exit(), 0, Integer.MAX_VALUE);
            ui.setCyclingMode(LinkedModeUI.CYCLE_WHEN_NO_PARENT);
            ui.enter();
        } catch (BadLocationException e) {
            DmasUiPlugin.log("cannot set up the template's tab stops", e);
        }
    }

    private static ICompletionProposal[] choices(int at, Snippet.Stop s) {
        return s.choices().stream()
                .map(c -> (ICompletionProposal) new CompletionProposal(c, at, s.length(), c.length()))
                .toArray(ICompletionProposal[]::new);
    }
}
