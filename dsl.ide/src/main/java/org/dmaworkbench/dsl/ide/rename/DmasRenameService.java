package org.dmaworkbench.dsl.ide.rename;

import com.google.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.eclipse.lsp4j.PrepareRenameDefaultBehavior;
import org.eclipse.lsp4j.PrepareRenameResult;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.Either3;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;
import org.eclipse.xtext.ide.server.Document;
import org.eclipse.xtext.ide.server.rename.IRenameService2;
import org.eclipse.xtext.resource.XtextResource;

/**
 * textDocument/rename and prepareRename for the language server, through {@link DmasRenamer}
 * (the Eclipse editor uses the same): every reference of a handle changes, or the request fails
 * with the reason.
 */
public class DmasRenameService implements IRenameService2 {
    @Inject private DmasRenamer renamer;

    @Override
    public WorkspaceEdit rename(Options options) {
        String uri = options.getRenameParams().getTextDocument().getUri();
        String newName = options.getRenameParams().getNewName();
        List<TextEdit> edits = read(options.getLanguageServerAccess(), uri, (doc, resource) -> {
            int offset = doc.getOffSet(options.getRenameParams().getPosition());
            return renamer.rename(resource, offset, newName).stream()
                    .map(r -> new TextEdit(new Range(doc.getPosition(r.offset()), doc.getPosition(r.offset() + r.length())), r.text()))
                    .toList();
        });
        return new WorkspaceEdit(Map.of(uri, edits));
    }

    @Override
    public Either3<Range, PrepareRenameResult, PrepareRenameDefaultBehavior> prepareRename(PrepareRenameOptions options) {
        String uri = options.getParams().getTextDocument().getUri();
        return read(options.getLanguageServerAccess(), uri, (doc, resource) -> {
            DmasRenamer.Target t = renamer.target(resource, doc.getOffSet(options.getParams().getPosition()));
            int start = t.nameAtOffset().getOffset();
            Range range = new Range(doc.getPosition(start), doc.getPosition(start + t.nameAtOffset().getLength()));
            return Either3.forSecond(new PrepareRenameResult(range, t.name()));
        });
    }

    private interface Reader<T> { T read(Document doc, XtextResource resource); }

    private static <T> T read(org.eclipse.xtext.ide.server.ILanguageServerAccess access, String uri, Reader<T> reader) {
        try {
            return access.doRead(uri, ctx -> {
                try {
                    return reader.read(ctx.getDocument(), (XtextResource) ctx.getResource());
                } catch (DmasRenamer.Refused e) {
                    throw new ResponseErrorException(new ResponseError(ResponseErrorCode.InvalidRequest, e.getMessage(), null));
                }
            }).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ResponseErrorException(new ResponseError(ResponseErrorCode.RequestCancelled, "cancelled", null));
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ResponseErrorException r) throw r;
            throw new ResponseErrorException(new ResponseError(ResponseErrorCode.InternalError, String.valueOf(e.getCause()), null));
        }
    }
}
