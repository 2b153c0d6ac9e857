package org.dmaworkbench.dsl.ui.results;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.ActionContributionItem;
import org.eclipse.jface.action.IAction;
import org.eclipse.jface.action.IMenuCreator;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.ui.ISharedImages;
import org.eclipse.ui.PlatformUI;

/** The results view's History drop-down: the last runs of the session; choosing one shows it again. */
final class HistoryAction extends Action implements IMenuCreator {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());
    private final ResultsView view;
    private Menu menu;

    HistoryAction(ResultsView view) {
        super("History", IAction.AS_DROP_DOWN_MENU);
        this.view = view;
        setToolTipText("Show an earlier run");
        setImageDescriptor(PlatformUI.getWorkbench().getSharedImages().getImageDescriptor(ISharedImages.IMG_TOOL_BACK));
        setMenuCreator(this);
    }

    @Override
    public void run() {
        var runs = ResultsView.history();
        if (runs.size() > 1) view.show(runs.get(1)); // the click itself: the run before the one shown
    }

    @Override
    public Menu getMenu(Control parent) {
        dispose();
        menu = new Menu(parent);
        for (RunRecord r : ResultsView.history()) {
            Action show = new Action(label(r), IAction.AS_RADIO_BUTTON) {
                @Override public void run() { view.show(r); }
            };
            show.setChecked(r == view.shownRecord());
            new ActionContributionItem(show).fill(menu, -1);
        }
        return menu;
    }

    static String label(RunRecord r) {
        if (r.isCaptureCheck()) {
            long v = r.captures().results().stream().mapToLong(c -> c.violations()).sum();
            long f = r.captures().results().stream().mapToLong(c -> c.faults()).sum();
            return TIME.format(r.results().started()) + "  " + r.configName() + "  " + v + " violations, " + f + " faults"
                    + (r.cancelled() ? " (cancelled)" : "");
        }
        return TIME.format(r.results().started()) + "  " + r.configName() + "  "
                + r.results().scenariosPassed() + "/" + r.results().scenarios() + " passed"
                + (r.results().benchmarks() > 0 ? ", " + r.results().benchmarks() + " benchmark(s)" : "")
                + (r.cancelled() ? " (cancelled)" : "");
    }

    @Override
    public Menu getMenu(Menu parent) {
        return null;
    }

    @Override
    public void dispose() {
        if (menu != null && !menu.isDisposed()) menu.dispose();
        menu = null;
    }
}
