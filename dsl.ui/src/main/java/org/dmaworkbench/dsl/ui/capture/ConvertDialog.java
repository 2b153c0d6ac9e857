package org.dmaworkbench.dsl.ui.capture;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.eclipse.core.resources.IContainer;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;

/**
 * Convert to Scenario: the name of the {@code .dmas} file to write next to the capture, and the platform
 * ({@code --platform}: a {@code .dmas} file of the project that declares one, or a generated one to edit). An
 * existing file is replaced only when the user says so.
 */
final class ConvertDialog extends Dialog {
    static final String TITLE = "Convert to Scenario";
    static final String GENERATED = "(generate a platform to edit)";
    private static final Pattern DECLARES_PLATFORM = Pattern.compile("(?m)^\\s*platform\\s+[A-Za-z_]");
    private static final int MAX_VISITED = 5_000;

    private final IFile capture;
    private final List<IFile> platforms;
    private Text name;
    private Combo platform;
    private IFile target;
    private IFile chosenPlatform;

    ConvertDialog(Shell shell, IFile capture) {
        super(shell);
        this.capture = capture;
        this.platforms = platforms(capture.getProject());
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(TITLE);
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite c = (Composite) super.createDialogArea(parent);
        c.setLayout(new GridLayout(2, false));
        Label intro = new Label(c, SWT.WRAP);
        intro.setText("Writes " + capture.getName() + " as an equivalent scenario (devices by BDF, buffers by physical address,"
                + " each step commented with its trace line), as ./dmas trace --to-scenario does.");
        GridData wide = new GridData(SWT.FILL, SWT.TOP, true, false, 2, 1);
        wide.widthHint = 520;
        intro.setLayoutData(wide);
        new Label(c, SWT.NONE).setText("Scenario file:");
        name = new Text(c, SWT.BORDER);
        name.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        name.setText(CaptureFiles.scenarioName(capture.getName()));
        new Label(c, SWT.NONE).setText("Platform:");
        platform = new Combo(c, SWT.READ_ONLY);
        platform.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        platform.add(GENERATED);
        for (IFile p : platforms) platform.add(p.getProjectRelativePath().toString());
        platform.select(0);
        return c;
    }

    @Override
    protected void okPressed() {
        String n = name.getText().strip();
        if (n.isEmpty() || n.contains("/") || n.contains("\\")) {
            MessageDialog.openError(getShell(), TITLE, "Give a file name (no folder): the scenario is written next to the capture.");
            return;
        }
        if (!n.endsWith(".dmas")) n = n + ".dmas";
        IFile t = capture.getParent().getFile(new org.eclipse.core.runtime.Path(n));
        if (t.exists() || (t.getLocation() != null && t.getLocation().toFile().exists())) {
            if (!MessageDialog.openQuestion(getShell(), TITLE, t.getName() + " already exists. Replace it?")) return;
        }
        target = t;
        int i = platform.getSelectionIndex();
        chosenPlatform = i <= 0 ? null : platforms.get(i - 1);
        super.okPressed();
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, IDialogConstants.OK_ID, "Convert", true);
        createButton(parent, IDialogConstants.CANCEL_ID, IDialogConstants.CANCEL_LABEL, false);
    }

    /** The file to write (after OK). */
    IFile target() {
        return target;
    }

    /** The platform file chosen, or null for a generated one. */
    IFile platform() {
        return chosenPlatform;
    }

    /** The project's {@code .dmas} files that declare a platform (not in {@code target/} or hidden folders). */
    static List<IFile> platforms(IContainer project) {
        List<IFile> out = new ArrayList<>();
        int[] visited = { 0 };
        try {
            project.accept(r -> {
                if (++visited[0] > MAX_VISITED) return false;
                if (r instanceof IFile f && "dmas".equals(f.getFileExtension()) && declaresPlatform(f)) out.add(f);
                return r.getType() != IResource.FOLDER || !(r.getName().equals("target") || r.getName().startsWith("."));
            });
        } catch (CoreException e) {
            // what was found is offered
        }
        out.sort((a, b) -> a.getProjectRelativePath().toString().compareTo(b.getProjectRelativePath().toString()));
        return out;
    }

    private static boolean declaresPlatform(IFile f) {
        try (InputStream in = f.getContents(true)) {
            return DECLARES_PLATFORM.matcher(new String(in.readNBytes(1 << 16), StandardCharsets.UTF_8)).find();
        } catch (IOException | CoreException e) {
            return false;
        }
    }
}
