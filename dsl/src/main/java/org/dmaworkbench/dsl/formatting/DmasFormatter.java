package org.dmaworkbench.dsl.formatting;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dmaworkbench.dsl.dmas.Benchmark;
import org.dmaworkbench.dsl.dmas.Call;
import org.dmaworkbench.dsl.dmas.CostOverride;
import org.dmaworkbench.dsl.dmas.Device;
import org.dmaworkbench.dsl.dmas.DmasPackage;
import org.dmaworkbench.dsl.dmas.ExpectErrno;
import org.dmaworkbench.dsl.dmas.ExpectValue;
import org.dmaworkbench.dsl.dmas.Iommu;
import org.dmaworkbench.dsl.dmas.Model;
import org.dmaworkbench.dsl.dmas.Platform;
import org.dmaworkbench.dsl.dmas.Repeat;
import org.dmaworkbench.dsl.dmas.Scenario;
import org.dmaworkbench.dsl.dmas.Statement;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.AbstractRule;
import org.eclipse.xtext.Keyword;
import org.eclipse.xtext.formatting2.AbstractFormatter2;
import org.eclipse.xtext.formatting2.FormatterPreferenceKeys;
import org.eclipse.xtext.formatting2.FormatterRequest;
import org.eclipse.xtext.formatting2.IFormattableDocument;
import org.eclipse.xtext.formatting2.IHiddenRegionFormatter;
import org.eclipse.xtext.formatting2.IHiddenRegionFormatting;
import org.eclipse.xtext.formatting2.ITextReplacer;
import org.eclipse.xtext.formatting2.internal.HiddenRegionReplacer;
import org.eclipse.xtext.formatting2.internal.SinglelineCodeCommentReplacer;
import org.eclipse.xtext.formatting2.internal.WhitespaceReplacer;
import org.eclipse.xtext.formatting2.regionaccess.IComment;
import org.eclipse.xtext.formatting2.regionaccess.IHiddenRegion;
import org.eclipse.xtext.formatting2.regionaccess.ISemanticRegion;
import org.eclipse.xtext.preferences.MapBasedPreferenceValues;
import org.eclipse.xtext.resource.XtextResource;

/**
 * The formatter of {@code .dmas} files. The layout:
 * <ul>
 * <li>one statement per line; platform items, imports and top-level elements each on their own
 *     line; at most one blank line is kept between them;</li>
 * <li>platform, scenario, benchmark and {@code repeat} blocks are indented by 4 spaces, whatever
 *     the client's tab settings; IOMMU and device blocks stay on one line when written on one line,
 *     otherwise one property per line;</li>
 * <li>single spaces between tokens; none inside {@code f(a, b)} parentheses, before commas, or
 *     after the minus of {@code -EINVAL};</li>
 * <li>the spaces before {@code expect} are the user's: a column of expectations stays aligned as
 *     written (every bundled example aligns them), and a formatted file is a fixed point; an
 *     {@code expect} on the next line or glued to its step gets a single space. The formatter does
 *     not align columns itself: that would rewrite every line of a block when one step grows;</li>
 * <li>comments are preserved, line comments stay on their line, and the spaces before a trailing
 *     comment are the user's, like those before {@code expect}; a file with syntax errors is left
 *     as it is.</li>
 * </ul>
 * The formatter decides each gap between two tokens exactly once ({@link #plan}), so no two
 * rules compete for a gap.
 */
public class DmasFormatter extends AbstractFormatter2 {
    /** One level of indentation: 4 spaces. */
    public static final String INDENT = "    ";

    private static final Set<String> DEVICE_PROPERTIES = Set.of("bdf", "iommu", "pasid-bits", "ats", "satc", "coherent",
            "non-coherent", "behind", "require-direct", "dma-mask", "driver");
    private static final Set<String> IOMMU_PROPERTIES = Set.of("pasid-bits", "address-width", "flush-queue");
    private static final Set<String> PLATFORM_ITEMS = Set.of("default-domain", "cmdline", "memory", "cpus");

    /** What goes into the gap between two tokens. */
    enum Gap { NONE, SPACE, NEWLINE, LINES, KEEP }

    private final Map<IHiddenRegion, Gap> plan = new LinkedHashMap<>();
    private final List<ISemanticRegion[]> indented = new ArrayList<>();

    @Override
    protected void initialize(FormatterRequest request) {
        Map<String, String> fixed = Map.of(FormatterPreferenceKeys.indentation.getId(), INDENT,
                FormatterPreferenceKeys.indentationLength.getId(), String.valueOf(INDENT.length()));
        request.setPreferences(new MapBasedPreferenceValues(request.getPreferences(), fixed));
        super.initialize(request);
    }

    /**
     * Line comments keep their text and follow the indentation of the code around them (Xtext
     * would leave a comment written at column 0 there, and rewrite the spacing after {@code //}).
     */
    @Override
    public ITextReplacer createCommentReplacer(IComment comment) {
        if (comment.getGrammarElement() instanceof AbstractRule rule && rule.getName().startsWith("SL")) {
            return new SinglelineCodeCommentReplacer(comment, "//") {
                @Override
                public void configureWhitespace(WhitespaceReplacer leading, WhitespaceReplacer trailing) {
                    // on its own line: indented like the next token; after code: the spaces as written
                    // (a column of trailing comments stays aligned); the text stays as written
                    String before = leading == null ? "" : leading.getRegion().getText();
                    if (isHorizontalSpace(before) && leading.getRegion().getOffset() > 0) leading.getFormatting().setSpace(before);
                }
            };
        }
        return super.createCommentReplacer(comment);
    }

    /** Comments just before a closing brace stay inside the block: the indentation drops after them, not before. */
    @Override
    public ITextReplacer createHiddenRegionReplacer(IHiddenRegion region, IHiddenRegionFormatting formatting) {
        return new HiddenRegionReplacer(region, formatting) {
            @Override
            protected void applyIndentation(List<ITextReplacer> replacers, IHiddenRegionFormatting separator) {
                Integer dec = getFormatting().getIndentationDecrease();
                if (dec != null && getFormatting().getIndentationIncrease() == null
                        && replacers.get(replacers.size() - 1) instanceof WhitespaceReplacer last) {
                    last.getFormatting().setIndentationDecrease(dec);
                } else {
                    super.applyIndentation(replacers, separator);
                }
            }
        };
    }

    @Override
    protected void reset() {
        plan.clear();
        indented.clear();
        super.reset();
    }

    @Override
    public void format(Object object, IFormattableDocument document) {
        if (object instanceof XtextResource resource) {
            _format(resource, document);
        } else if (object instanceof Model model && !getTextRegionAccess().hasSyntaxError()) {
            format(model, document);
        }
    }

    protected void format(Model model, IFormattableDocument document) {
        spaceAllTokens(model);
        List<EObject> tops = new ArrayList<>(model.getImports());
        tops.addAll(model.getElements());
        for (int i = 0; i < tops.size(); i++) {
            if (i > 0) before(tops.get(i), Gap.LINES);
            EObject e = tops.get(i);
            if (e instanceof Platform p) platform(p);
            else if (e instanceof Device d) properties(d, DEVICE_PROPERTIES);
            else if (e instanceof Scenario s) statements(s, s.getStatements());
            else if (e instanceof Benchmark b) benchmark(b);
        }
        plan.forEach((region, gap) -> {
            if (gap != Gap.KEEP) document.set(region, f -> apply(gap, f));
        });
        for (ISemanticRegion[] block : indented) document.interior(block[0], block[1], IHiddenRegionFormatter::indent);
        IHiddenRegion end = getTextRegionAccess().regionForRootEObject().getNextHiddenRegion();
        if (end != null && !tops.isEmpty()) document.set(end, f -> f.setNewLines(1));
    }

    /** Single spaces between tokens, no spaces around the parentheses and commas of calls. */
    protected void spaceAllTokens(Model model) {
        ISemanticRegion first = getTextRegionAccess().regionForRootEObject().getPreviousHiddenRegion().getNextSemanticRegion();
        for (ISemanticRegion a = first; a != null; a = a.getNextSemanticRegion()) {
            ISemanticRegion b = a.getNextSemanticRegion();
            if (b == null) break;
            plan.put(a.getNextHiddenRegion(), tokenGap(a, b));
        }
    }

    protected Gap tokenGap(ISemanticRegion a, ISemanticRegion b) {
        String left = keyword(a), right = keyword(b);
        if ("(".equals(right) && a.getSemanticElement() instanceof Call) return Gap.NONE;
        if ("(".equals(left) || ")".equals(right) || ",".equals(right)) return Gap.NONE;
        if ("-".equals(left) && (a.getSemanticElement() instanceof ExpectErrno || a.getSemanticElement() instanceof ExpectValue)) {
            return Gap.NONE;
        }
        if ("expect".equals(right) && isHorizontalSpace(a.getNextHiddenRegion().getText())) return Gap.KEEP;
        return Gap.SPACE;
    }

    private static boolean isHorizontalSpace(String gap) {
        return !gap.isEmpty() && gap.chars().allMatch(c -> c == ' ' || c == '\t');
    }

    protected void platform(Platform p) {
        for (Iommu i : p.getIommus()) {
            before(i, Gap.LINES);
            properties(i, IOMMU_PROPERTIES);
        }
        for (CostOverride c : p.getCosts()) before(c, Gap.LINES);
        for (ISemanticRegion r : textRegionExtensions.regionFor(p).keywords(PLATFORM_ITEMS.toArray(String[]::new))) {
            plan.put(r.getPreviousHiddenRegion(), Gap.LINES);
        }
        block(p);
    }

    protected void statements(EObject owner, List<Statement> statements) {
        for (Statement s : statements) {
            before(s, Gap.LINES);
            if (s instanceof Repeat r) statements(r, r.getBody());
        }
        block(owner);
    }

    protected void benchmark(Benchmark b) {
        ISemanticRegion compare = textRegionExtensions.regionFor(b).keyword("compare");
        if (compare != null) plan.put(compare.getPreviousHiddenRegion(), Gap.NEWLINE);
        block(b);
    }

    /** A device or IOMMU: one line when written on one line, else a block with a property per line. */
    protected void properties(EObject owner, Set<String> keywords) {
        ISemanticRegion open = textRegionExtensions.regionFor(owner).keyword("{");
        ISemanticRegion close = textRegionExtensions.regionFor(owner).keyword("}");
        if (open == null || close == null || !textRegionExtensions.isMultiline(owner)) return;
        for (ISemanticRegion r : textRegionExtensions.regionFor(owner).keywords(keywords.toArray(String[]::new))) {
            plan.put(r.getPreviousHiddenRegion(), Gap.NEWLINE);
        }
        if (owner instanceof Iommu i) {
            for (ISemanticRegion r : textRegionExtensions.regionFor(i).features(DmasPackage.Literals.IOMMU__QUIRKS)) {
                plan.put(r.getPreviousHiddenRegion(), Gap.NEWLINE);
            }
        }
        block(owner);
    }

    /** Braces on their own lines, the interior indented. */
    protected void block(EObject owner) {
        ISemanticRegion open = textRegionExtensions.regionFor(owner).keyword("{");
        ISemanticRegion close = textRegionExtensions.regionFor(owner).keyword("}");
        if (open == null || close == null) return;
        plan.put(open.getNextHiddenRegion(), Gap.NEWLINE);
        plan.put(close.getPreviousHiddenRegion(), Gap.NEWLINE);
        if (indented.stream().noneMatch(b -> b[0] == open)) indented.add(new ISemanticRegion[] {open, close});
    }

    private void before(EObject o, Gap gap) {
        IHiddenRegion h = textRegionExtensions.previousHiddenRegion(o);
        if (h != null) plan.put(h, gap);
    }

    private static void apply(Gap gap, IHiddenRegionFormatter f) {
        switch (gap) {
            case NONE -> f.noSpace();
            case SPACE -> f.oneSpace();
            case NEWLINE -> f.setNewLines(1);
            case LINES -> f.setNewLines(1, 1, 2);
            case KEEP -> { }
        }
    }

    private static String keyword(ISemanticRegion r) {
        return r.getGrammarElement() instanceof Keyword k ? k.getValue() : null;
    }
}
