package org.dmaworkbench.dsl.ide.formatting;

import java.util.List;
import org.eclipse.xtext.formatting2.regionaccess.ITextReplacement;
import org.eclipse.xtext.ide.server.formatting.FormattingService;
import org.eclipse.xtext.preferences.ITypedPreferenceValues;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.util.ITextRegion;

/**
 * Xtext's formatting service without the edits that change nothing: Xtext's formatter returns a
 * replacement for every gap it decided, also where the text already is what it wants, and a client
 * then marks an already formatted file as modified.
 */
public class DmasFormattingService extends FormattingService {
    @Override
    protected List<ITextReplacement> format2(XtextResource resource, ITextRegion selection, ITypedPreferenceValues preferences) {
        return super.format2(resource, selection, preferences).stream()
                .filter(r -> !r.getReplacementText().equals(r.getText()))
                .toList();
    }
}
