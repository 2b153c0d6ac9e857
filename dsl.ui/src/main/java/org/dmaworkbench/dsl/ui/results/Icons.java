package org.dmaworkbench.dsl.ui.results;

import org.dmaworkbench.dsl.ui.DmasUiPlugin;
import org.eclipse.jface.resource.ImageDescriptor;
import org.eclipse.jface.resource.ImageRegistry;
import org.eclipse.swt.graphics.Image;

/** The plug-in's icons (in {@code icons/}), kept in the plug-in's image registry. */
public final class Icons {
    private Icons() { }

    public static ImageDescriptor descriptor(String name) {
        return ImageDescriptor.createFromURL(DmasUiPlugin.class.getResource("/icons/" + name));
    }

    public static Image get(String name) {
        ImageRegistry reg = DmasUiPlugin.get().getImageRegistry();
        Image i = reg.get(name);
        if (i == null) {
            reg.put(name, descriptor(name));
            i = reg.get(name);
        }
        return i;
    }

    static Image verdict(ResultNode.Verdict v) {
        return get(switch (v) {
            case PASSED -> "pass.png";
            case FAILED -> "fail.png";
            case ERROR -> "error.png";
            case NEUTRAL -> "skip.png";
        });
    }
}
