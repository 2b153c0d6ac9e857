package org.dmaworkbench.dsl.ide.server;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import org.eclipse.emf.common.util.URI;
import org.eclipse.xtext.util.IAcceptor;
import org.eclipse.xtext.util.IFileSystemScanner;

/**
 * The files the language server indexes in a workspace folder: those under it, never through a symbolic link that
 * leads out of it (Xtext's scanner follows every link, so a link to {@code /} or a home folder indexed and published
 * diagnostics for files the user never put in the project). A link to a file inside the folder is read; a linked
 * folder is not descended (its files are found where they are, or are outside). The same rule as imports.
 */
public class DmasFileSystemScanner implements IFileSystemScanner {
    @Override
    public void scan(URI root, IAcceptor<URI> acceptor) {
        if (root == null || !root.isFile()) return;
        Path top = Paths.get(root.toFileString());
        if (!Files.isDirectory(top)) return;
        Path real;
        try {
            real = top.toRealPath();
        } catch (IOException | SecurityException e) {
            return;
        }
        try {
            Files.walkFileTree(top, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (attrs.isRegularFile() || attrs.isSymbolicLink() && inside(file, real)) {
                        acceptor.accept(URI.createFileURI(file.toAbsolutePath().toString()));
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    return FileVisitResult.CONTINUE; // unreadable: not indexed, as Xtext's scanner skips it
                }
            });
        } catch (IOException | SecurityException e) {
            // what was visited stays indexed
        }
    }

    /** A link whose target is a regular file under {@code real} (the folder's real path). */
    private static boolean inside(Path link, Path real) {
        try {
            Path target = link.toRealPath();
            return target.startsWith(real) && Files.isRegularFile(target);
        } catch (IOException | SecurityException e) {
            return false;
        }
    }
}
