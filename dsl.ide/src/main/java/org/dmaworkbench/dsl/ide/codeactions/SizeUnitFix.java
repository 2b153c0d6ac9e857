package org.dmaworkbench.dsl.ide.codeactions;

import java.util.List;
import org.dmaworkbench.dsl.validation.IssueCodes;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.TextEdit;

/** A size unit the language does not spell ({@code 4K}, {@code 4KB}): the flagged unit becomes " KiB" (data: the unit). */
public class SizeUnitFix implements QuickFix {

    @Override
    public String issueCode() {
        return IssueCodes.SIZE_UNIT;
    }

    @Override
    public void fix(FixContext context, List<CodeAction> actions) {
        if (context.data().isEmpty()) return;
        String unit = context.data().get(0);
        actions.add(context.action("Write " + unit, new TextEdit(context.range(), " " + unit)));
    }
}
