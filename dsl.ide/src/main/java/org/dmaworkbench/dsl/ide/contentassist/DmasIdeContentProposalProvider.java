package org.dmaworkbench.dsl.ide.contentassist;

import com.google.inject.Inject;
import java.util.List;
import org.dmaworkbench.dsl.dmas.Call;
import org.dmaworkbench.dsl.dmas.HandleDecl;
import org.dmaworkbench.dsl.ide.docs.CounterDocs;
import org.dmaworkbench.dsl.ide.docs.KernelCallDocs;
import org.dmaworkbench.dsl.ide.docs.KeywordDocs;
import org.dmaworkbench.dsl.services.DmasGrammarAccess;
import org.dmaworkbench.runtime.run.CallSignature;
import org.dmaworkbench.runtime.run.ValueType;
import org.eclipse.xtext.AbstractRule;
import org.eclipse.xtext.Alternatives;
import org.eclipse.xtext.Assignment;
import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.xtext.EnumLiteralDeclaration;
import org.eclipse.xtext.GrammarUtil;
import org.eclipse.xtext.Keyword;
import org.eclipse.xtext.ParserRule;
import org.eclipse.xtext.RuleCall;
import org.eclipse.xtext.ide.editor.contentassist.ContentAssistContext;
import org.eclipse.xtext.ide.editor.contentassist.ContentAssistEntry;
import org.eclipse.xtext.ide.editor.contentassist.IIdeContentProposalAcceptor;
import org.eclipse.xtext.ide.editor.contentassist.IdeContentProposalProvider;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;

/**
 * Content assist: keywords with their documentation, kernel function names at call positions
 * (the runtime's call table, signature as detail), counter names after {@code check}, enum
 * values (DMA directions, fault classes, finding kinds, policies) and templates. Cross
 * references (devices, handles in scope) come from {@link DmasCrossrefProposalProvider}.
 */
public class DmasIdeContentProposalProvider extends IdeContentProposalProvider {
    @Inject
    private DmasGrammarAccess grammar;

    @Inject
    private DmasTemplateProposalProvider templates;

    @Override
    protected void _createProposals(Assignment assignment, ContentAssistContext context, IIdeContentProposalAcceptor acceptor) {
        if (assignment == grammar.getCallAccess().getFunctionAssignment_0()) {
            kernelFunctions(context, acceptor);
        } else if (assignment == grammar.getCheckAccess().getCounterAssignment_1()) {
            counters(context, acceptor);
        } else if (assignment.getTerminal() instanceof RuleCall call && isKeywordChoice(call.getRule())) {
            keywordChoice(call.getRule(), context, acceptor);
        } else {
            super._createProposals(assignment, context, acceptor);
        }
    }

    /**
     * A datatype rule that is a choice of keywords ({@code SymbolName}, {@code CompOp}): Xtext does
     * not offer its keywords, so they are proposed here; at a call argument only the symbols the
     * call's signature accepts there.
     */
    protected void keywordChoice(AbstractRule rule, ContentAssistContext context, IIdeContentProposalAcceptor acceptor) {
        List<String> accepted = acceptedSymbols(context);
        for (Keyword k : GrammarUtil.containedKeywords(rule)) {
            if (accepted == null || accepted.contains(k.getValue())) _createProposals(k, context, acceptor);
        }
    }

    private static boolean isKeywordChoice(AbstractRule rule) {
        if (!(rule instanceof ParserRule p) || !GrammarUtil.isDatatypeRule(p) || !(p.getAlternatives() instanceof Alternatives a)) return false;
        return a.getElements().stream().allMatch(e -> e instanceof Keyword);
    }

    /** The symbols the signature accepts at the cursor's argument, or null when not known. */
    private static List<String> acceptedSymbols(ContentAssistContext context) {
        CallSignature.Param p = ExpectedType.parameter(context);
        return p != null && p.type() == ValueType.SYMBOL ? p.symbols() : null;
    }

    @Override
    protected void _createProposals(Keyword keyword, ContentAssistContext context, IIdeContentProposalAcceptor acceptor) {
        if (!filterKeyword(keyword, context)) return;
        String value = keyword.getValue();
        boolean enumValue = keyword.eContainer() instanceof EnumLiteralDeclaration || KeywordDocs.SYMBOLS.containsKey(value);
        ContentAssistEntry entry = getProposalCreator().createProposal(value, context,
                enumValue ? ContentAssistEntry.KIND_VALUE : ContentAssistEntry.KIND_KEYWORD, e -> {
                    e.setDescription(enumKind(value));
                    e.setDocumentation(KeywordDocs.describe(value, context.getCurrentModel()));
                });
        if (entry != null) acceptor.accept(entry, getProposalPriorities().getKeywordPriority(value, entry));

        if (keyword == grammar.getScenarioAccess().getScenarioKeyword_0()) templates.scenario(context, acceptor);
        else if (keyword == grammar.getBenchmarkAccess().getBenchmarkKeyword_0()) templates.benchmark(context, acceptor);
        else if (keyword == grammar.getProbeAccess().getProbeKeyword_0()) templates.idxdPasid(context, acceptor);
    }

    /** Punctuation is typed, not picked from a list; operators and words are proposed. */
    @Override
    protected boolean filterKeyword(Keyword keyword, ContentAssistContext context) {
        String v = keyword.getValue();
        return v.length() > 1 || Character.isLetter(v.charAt(0)) || v.equals("-") || v.equals(">") || v.equals("<");
    }

    /** Every call of the runtime's call table; at {@code TYPE name = |} or an argument of TYPE, the calls returning TYPE first. */
    protected void kernelFunctions(ContentAssistContext context, IIdeContentProposalAcceptor acceptor) {
        ValueType declared = declaredType(context);
        ValueType wanted = declared != null ? declared : ExpectedType.at(context);
        boolean nested = context.getCurrentModel() instanceof Call;
        for (CallSignature sig : KernelCallDocs.all()) {
            if (nested && sig.returns() == ValueType.VOID) continue;
            ContentAssistEntry entry = getProposalCreator().createProposal(sig.name(), context, ContentAssistEntry.KIND_FUNCTION, e -> {
                e.setDescription(KernelCallDocs.signature(sig));
                e.setDocumentation(KernelCallDocs.markdown(sig));
            });
            if (entry == null) continue;
            int priority = getProposalPriorities().getDefaultPriority(entry) + (wanted != null && sig.returns() == wanted ? 100 : 0);
            acceptor.accept(entry, priority);
        }
    }

    /** The counters a {@code check} can compare. */
    protected void counters(ContentAssistContext context, IIdeContentProposalAcceptor acceptor) {
        for (String counter : CounterDocs.names()) {
            ContentAssistEntry entry = getProposalCreator().createProposal(counter, context, ContentAssistEntry.KIND_PROPERTY, e -> {
                e.setDescription("counter");
                e.setDocumentation(CounterDocs.describe(counter));
            });
            if (entry != null) acceptor.accept(entry, getProposalPriorities().getDefaultPriority(entry));
        }
    }

    /** At {@code TYPE name = |}: the handle type being declared, else null. */
    private static ValueType declaredType(ContentAssistContext context) {
        if (!(context.getCurrentModel() instanceof HandleDecl h) || h.getType() == null) return null;
        INode call = h.getCall() == null ? null : NodeModelUtils.findActualNodeFor(h.getCall());
        if (call != null && call.getOffset() < context.getOffset() - context.getPrefix().length()) return null;
        return ExpectedType.of(h);
    }

    private static String enumKind(String value) {
        if (KeywordDocs.FAULT_CLASSES.containsKey(value)) return "fault class";
        if (KeywordDocs.FINDING_KINDS.containsKey(value)) return "finding kind";
        if (value.startsWith("DMA_") && KeywordDocs.SYMBOLS.containsKey(value)) return "DMA direction";
        if (KeywordDocs.SYMBOLS.containsKey(value)) return "symbol";
        if (KeywordDocs.POLICIES.containsKey(value)) return "policy";
        return null;
    }
}
