package org.dmaworkbench.dsl.syntax;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.linking.lazy.LazyLinkingResource;
import org.eclipse.xtext.nodemodel.INode;

/**
 * The language's resource: a UTF-8 byte-order mark at the start of a file is skipped (editors on
 * Windows write one; the parser read it as a stray character), and a syntax error found at the first
 * token of a later line is reported where the user stopped writing (see {@link SyntaxErrorPosition}).
 */
public class DmasResource extends LazyLinkingResource {

    @Override
    protected void doLoad(InputStream in, Map<?, ?> options) throws IOException {
        super.doLoad(skipUtf8Bom(in), options);
    }

    static InputStream skipUtf8Bom(InputStream in) throws IOException {
        InputStream b = in.markSupported() ? in : new BufferedInputStream(in);
        b.mark(3);
        if (!(b.read() == 0xEF && b.read() == 0xBB && b.read() == 0xBF)) b.reset();
        return b;
    }

    @Override
    protected void addSyntaxDiagnostic(List<Resource.Diagnostic> diagnostics, INode error) {
        if (error.getSyntaxErrorMessage() == null) super.addSyntaxDiagnostic(diagnostics, error);
        else diagnostics.add(new SyntaxErrorPosition.Shown(error, SyntaxErrorPosition.reportAt(error)));
    }
}
