package org.dmaworkbench.dsl.ide.contentassist;

import com.google.inject.Singleton;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.InsertTextMode;
import org.eclipse.lsp4j.MarkupContent;
import org.eclipse.lsp4j.MarkupKind;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.xtext.ide.editor.contentassist.ContentAssistEntry;
import org.eclipse.xtext.ide.server.Document;
import org.eclipse.xtext.ide.server.contentassist.ContentAssistService;

/**
 * Completion items as a language client shows them: documentation as Markdown (it quotes kernel
 * signatures), and templates inserted as they are, since they carry their own indentation.
 */
@Singleton
public class DmasContentAssistService extends ContentAssistService {

    @Override
    protected CompletionItem toCompletionItem(ContentAssistEntry entry, int caretOffset, Position caretPosition, Document document) {
        CompletionItem item = super.toCompletionItem(entry, caretOffset, caretPosition, document);
        if (entry.getDocumentation() != null) {
            item.setDocumentation(Either.forRight(new MarkupContent(MarkupKind.MARKDOWN, entry.getDocumentation())));
        }
        if (ContentAssistEntry.KIND_SNIPPET.equals(entry.getKind())) {
            item.setInsertTextMode(InsertTextMode.AsIs);
            item.setFilterText(entry.getLabel());
        }
        return item;
    }
}
