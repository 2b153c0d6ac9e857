package org.dmaworkbench.dsl.validation;

import java.util.ArrayList;
import java.util.List;
import org.dmaworkbench.dsl.dmas.Model;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.validation.CheckMode;
import org.eclipse.xtext.validation.CheckType;
import org.eclipse.xtext.validation.Issue;
import org.eclipse.xtext.validation.ResourceValidatorImpl;

/**
 * The rules about a whole file, which no {@code @Check} can see because the file has no model: a
 * file without any declaration (empty, or comments only) is a warning at 1:1, in every front end.
 */
public class DmasResourceValidator extends ResourceValidatorImpl {
    @Override
    public List<Issue> validate(Resource resource, CheckMode mode, CancelIndicator cancel) {
        List<Issue> issues = super.validate(resource, mode, cancel);
        if (issues.stream().anyMatch(i -> i.getSeverity() == Severity.ERROR) || !isEmpty(resource)) return issues;
        List<Issue> out = new ArrayList<>(issues);
        Issue.IssueImpl empty = new Issue.IssueImpl();
        empty.setSeverity(Severity.WARNING);
        empty.setCode(IssueCodes.EMPTY_FILE);
        empty.setMessage("empty file: no platform, device, scenario or benchmark");
        empty.setType(CheckType.FAST);
        empty.setUriToProblem(resource.getURI());
        empty.setLineNumber(1);
        empty.setColumn(1);
        empty.setLineNumberEnd(1);
        empty.setColumnEnd(1);
        empty.setOffset(0);
        empty.setLength(0);
        out.add(0, empty);
        return out;
    }

    private static boolean isEmpty(Resource r) {
        if (r.getContents().isEmpty()) return true;
        return r.getContents().get(0) instanceof Model m && m.getImports().isEmpty() && m.getElements().isEmpty();
    }
}
