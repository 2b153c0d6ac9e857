package org.dmaworkbench.dsl.batch;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.dmaworkbench.dsl.imports.ImportResolver;
import org.dmaworkbench.dsl.validation.IssueCodes;

/**
 * What is refused before the parser sees a file (it has no model a validator could check): not a
 * regular file, too large, not UTF-8 text; and where a parse ran out of stack.
 */
final class TextCheck {
    private TextCheck() { }

    /** False (with a diagnostic) for files that are not UTF-8 text: binary garbage is refused before the parser sees it. */
    static boolean readableText(Path p, String name, List<Diagnostic> diags) {
        byte[] bytes;
        try {
            if (!Files.isRegularFile(p)) {
                diags.add(new Diagnostic(name, 0, 0, Diagnostic.Severity.ERROR, "not a regular file", IssueCodes.NOT_TEXT));
                return false;
            }
            if (Files.size(p) > ImportResolver.MAX_FILE_BYTES) {
                diags.add(new Diagnostic(name, 0, 0, Diagnostic.Severity.ERROR, "file too large (over " + (ImportResolver.MAX_FILE_BYTES >> 20) + " MiB)", IssueCodes.FILE_TOO_LARGE));
                return false;
            }
            bytes = Files.readAllBytes(p);
        } catch (IOException | RuntimeException e) {
            diags.add(Diagnostic.error(name, 0, 0, "cannot read: " + Workspace.message(e)));
            return false;
        }
        int bad = -1;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                bad = i;
                break;
            }
        }
        if (bad < 0) {
            try {
                StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
                return true;
            } catch (CharacterCodingException e) {
                bad = firstInvalidUtf8(bytes);
            }
        }
        int line = 1, col = 1;
        for (int i = 0; i < bad && i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                line++;
                col = 1;
            } else if ((bytes[i] & 0xC0) != 0x80) {
                col++;
            }
        }
        diags.add(new Diagnostic(name, line, col, Diagnostic.Severity.ERROR, String.format(
                "not a text file: byte 0x%02x at offset %d is %s (scenario files are UTF-8 text)", bytes[Math.max(0, bad)] & 0xff,
                bad, bytes[Math.max(0, bad)] == 0 ? "a NUL" : "not valid UTF-8"), IssueCodes.NOT_TEXT));
        return false;
    }

    private static int firstInvalidUtf8(byte[] b) {
        var dec = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(b);
        var outBuf = java.nio.CharBuffer.allocate(b.length + 1);
        var res = dec.decode(in, outBuf, true);
        return res.isError() ? in.position() : 0;
    }

    /** The parser ran out of stack: point at the first place where brackets nest deeper than anyone writes by hand. */
    static Diagnostic tooDeep(Path p, String name) {
        int line = 1, col = 1, depth = 0;
        try {
            String text = Files.readString(p);
            int l = 1, c = 1;
            for (int i = 0; i < text.length(); i++) {
                char ch = text.charAt(i);
                if (ch == '(' || ch == '{') {
                    if (++depth == 200) {
                        line = l;
                        col = c;
                    }
                } else if (ch == ')' || ch == '}') {
                    depth--;
                }
                if (ch == '\n') {
                    l++;
                    c = 1;
                } else {
                    c++;
                }
            }
        } catch (IOException | RuntimeException ignored) {
            // keep 1:1
        }
        return new Diagnostic(name, line, col, Diagnostic.Severity.ERROR,
                "nested too deeply for the parser (calls or blocks nested hundreds of levels deep)", IssueCodes.NESTED_TOO_DEEP);
    }

}
