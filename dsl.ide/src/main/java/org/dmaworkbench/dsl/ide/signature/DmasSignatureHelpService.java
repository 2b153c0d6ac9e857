package org.dmaworkbench.dsl.ide.signature;

import java.util.ArrayList;
import java.util.List;
import org.dmaworkbench.dsl.ide.docs.KernelCallDocs;
import org.dmaworkbench.runtime.run.CallSignature;
import org.eclipse.lsp4j.MarkupContent;
import org.eclipse.lsp4j.MarkupKind;
import org.eclipse.lsp4j.ParameterInformation;
import org.eclipse.lsp4j.SignatureHelp;
import org.eclipse.lsp4j.SignatureHelpParams;
import org.eclipse.lsp4j.SignatureInformation;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.jsonrpc.messages.Tuple;
import org.eclipse.xtext.ide.server.Document;
import org.eclipse.xtext.ide.server.signatureHelp.ISignatureHelpService;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.util.CancelIndicator;

/**
 * Signature help inside a kernel call's parentheses: the call's signature from the runtime's call
 * table, the parameter the caret is on, the kernel function it models and its outcomes. The call is
 * found in the text, not the model, so it works while the line is half typed (the usual case).
 */
public class DmasSignatureHelpService implements ISignatureHelpService {
    /** How far back the open parenthesis is looked for (a call never spans more). */
    private static final int LOOK_BACK = 4096;

    /** The call whose argument list holds {@code offset}, and the 0-based index of the argument there. */
    record CallAt(String name, int argument) { }

    @Override
    public SignatureHelp getSignatureHelp(Document document, XtextResource resource, SignatureHelpParams params, CancelIndicator cancel) {
        String text = document.getContents();
        CallAt at = callAt(text, document.getOffSet(params.getPosition()));
        CallSignature sig = at == null ? null : KernelCallDocs.find(at.name());
        if (sig == null) return ISignatureHelpService.EMPTY;
        String label = KernelCallDocs.signature(sig);
        List<ParameterInformation> parameters = new ArrayList<>();
        int from = label.indexOf('(') + 1;
        for (String p : KernelCallDocs.parameterLabels(sig)) {
            int start = label.indexOf(p, from);
            ParameterInformation info = new ParameterInformation();
            info.setLabel(Either.forRight(Tuple.two(start, start + p.length())));
            parameters.add(info);
            from = start + p.length();
        }
        SignatureInformation info = new SignatureInformation(label,
                new MarkupContent(MarkupKind.MARKDOWN, "**Models** `" + sig.models() + "`\n\n**Outcomes:** " + sig.outcomes()), parameters);
        int active = sig.params().isEmpty() ? 0 : Math.min(at.argument(), sig.params().size() - 1);
        info.setActiveParameter(active);
        return new SignatureHelp(List.of(info), 0, active);
    }

    /** The innermost call whose unclosed parenthesis precedes {@code offset} in its statement, or null. */
    static CallAt callAt(String text, int offset) {
        int depth = 0, commas = 0;
        for (int i = Math.min(offset, text.length()) - 1, stop = Math.max(0, offset - LOOK_BACK); i >= stop; i--) {
            char c = text.charAt(i);
            if (c == ')') {
                depth++;
            } else if (c == '(') {
                if (depth == 0) return named(text, i, commas);
                depth--;
            } else if (c == ',' && depth == 0) {
                commas++;
            } else if (c == '{' || c == '}' || c == '"') {
                return null;
            } else if (c == '\n' && depth == 0 && !continues(text, i)) {
                return null;
            }
        }
        return null;
    }

    /** A line break inside an argument list: the line before ends with "(" or "," (a call written over lines). */
    private static boolean continues(String text, int newline) {
        int j = newline - 1;
        while (j >= 0 && (text.charAt(j) == ' ' || text.charAt(j) == '\t' || text.charAt(j) == '\r')) j--;
        return j >= 0 && (text.charAt(j) == '(' || text.charAt(j) == ',');
    }

    private static CallAt named(String text, int paren, int argument) {
        int end = paren;
        while (end > 0 && (text.charAt(end - 1) == ' ' || text.charAt(end - 1) == '\t')) end--;
        int start = end;
        while (start > 0 && (Character.isLetterOrDigit(text.charAt(start - 1)) || text.charAt(start - 1) == '_')) start--;
        return start == end ? null : new CallAt(text.substring(start, end), argument);
    }
}
