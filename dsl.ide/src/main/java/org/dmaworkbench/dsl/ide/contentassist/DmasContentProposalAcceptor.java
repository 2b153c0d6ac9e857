package org.dmaworkbench.dsl.ide.contentassist;

import org.eclipse.xtext.ide.editor.contentassist.IdeContentProposalAcceptor;

/**
 * Xtext stops collecting at 100 proposals; a statement position offers every kernel call of the
 * runtime plus keywords and handles, so the limit is raised.
 */
public class DmasContentProposalAcceptor extends IdeContentProposalAcceptor {
    static final int LIMIT = 500;

    private boolean acceptedAll = true;

    @Override
    public boolean canAcceptMoreProposals() {
        return acceptedAll = entries.size() < LIMIT;
    }

    @Override
    public boolean didAcceptAllProposals() {
        return acceptedAll;
    }
}
