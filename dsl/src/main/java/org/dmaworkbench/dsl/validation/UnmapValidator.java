package org.dmaworkbench.dsl.validation;

import java.util.List;
import org.dmaworkbench.dsl.dmas.Arg;
import org.dmaworkbench.dsl.dmas.Call;
import org.dmaworkbench.dsl.dmas.DmasPackage.Literals;
import org.dmaworkbench.dsl.dmas.HandleDecl;
import org.dmaworkbench.dsl.dmas.HandleType;
import org.dmaworkbench.dsl.dmas.NameRef;
import org.dmaworkbench.dsl.dmas.NumberLit;
import org.dmaworkbench.dsl.dmas.SymbolLit;
import org.dmaworkbench.runtime.debug.DmaDebugCheck;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.validation.Check;

/**
 * dma_unmap_single/dma_unmap_page against the mapping they undo, as dma-debug's check_unmap() will:
 * the address must be one a dma_map_* returned (error), with the same size and direction (warnings).
 * Where the statement expects the dma-debug report in question, the mistake is the point: not reported.
 */
public class UnmapValidator extends DmasCheckBase {

    @Check
    public void checkUnmap(Call c) {
        if (!DmaApiCalls.isUnmap(c) || DmaApiCalls.addressArg(c) == null) return;
        EObject st = Statements.statementOf(c);
        Arg addr = DmaApiCalls.addressArg(c);
        HandleDecl h = Statements.handle(addr);
        String why = whyNotMapped(addr, h);
        if (why != null) {
            if (!Statements.expectsDmaDebug(st, DmaDebugCheck.FREE_NOT_ALLOCATED, DmaDebugCheck.FREE_INVALID_ADDRESS,
                    DmaDebugCheck.FREE_WRONG_FUNCTION)) {
                error(c.getFunction() + " of memory never mapped: " + why + "; dma-debug reports \""
                        + DmaDebugCheck.FREE_NOT_ALLOCATED.fixedText() + "\"", c, Literals.CALL__ARGS, 1, IssueCodes.UNMAP_NOT_MAPPED);
            }
            return;
        }
        if (h != null) compare(c, h.getCall(), st);
    }

    /** Null when {@code addr} is what a dma_map_* returned (or cannot be known yet), else what it is instead. */
    private static String whyNotMapped(Arg addr, HandleDecl h) {
        if (addr instanceof NumberLit) return "a number is no mapping";
        if (addr instanceof Call nested) {
            return ArgTypes.signature(nested) == null || DmaApiCalls.isMap(nested) ? null : nested.getFunction() + "() maps nothing";
        }
        if (addr instanceof NameRef r && (r.getTarget() == null || r.getTarget().eIsProxy())) return null; // the linker reports it
        if (h == null) return ArgTypes.describe(addr) + " is not a DMA address";
        if (!DmaApiCalls.isMap(h.getCall())) {
            return h.getName() + " comes from " + (h.getCall() == null ? "?" : h.getCall().getFunction()) + ", not from dma_map_single/dma_map_page"
                    + (h.getType() == HandleType.COHERENT_HANDLE ? " (free it with dma_free_coherent)" : "");
        }
        long off = ((NameRef) addr).getOffset();
        return off == 0 ? null : h.getName() + " + " + off + " is inside the mapping, not the address dma_map_* returned";
    }

    private void compare(Call unmap, Call map, EObject st) {
        List<Arg> u = unmap.getArgs(), m = map.getArgs();
        int ms = DmaApiCalls.sizeIndex(map);
        if (u.size() > 2 && m.size() > ms && u.get(2) instanceof NumberLit us && m.get(ms) instanceof NumberLit mapped
                && Numbers.bytes(us) != Numbers.bytes(mapped) && !Statements.expectsDmaDebug(st, DmaDebugCheck.FREE_DIFFERENT_SIZE)) {
            warning("unmapping " + Numbers.human(Numbers.bytes(us)) + " of a " + Numbers.human(Numbers.bytes(mapped)) + " mapping (line "
                    + Statements.line(map) + "): dma-debug reports \"" + DmaDebugCheck.FREE_DIFFERENT_SIZE.fixedText() + "\"",
                    unmap, Literals.CALL__ARGS, 2, IssueCodes.UNMAP_SIZE_MISMATCH, Statements.text(mapped).strip());
        }
        if (u.size() > 3 && m.size() > ms + 1 && u.get(3) instanceof SymbolLit ud && m.get(ms + 1) instanceof SymbolLit md
                && !ud.getParts().equals(md.getParts()) && !Statements.expectsDmaDebug(st, DmaDebugCheck.FREE_DIFFERENT_DIRECTION)) {
            String mapped = String.join("|", md.getParts());
            warning("unmapping with " + String.join("|", ud.getParts()) + " a mapping made with " + mapped + " (line " + Statements.line(map)
                    + "): dma-debug reports \"" + DmaDebugCheck.FREE_DIFFERENT_DIRECTION.fixedText() + "\"",
                    unmap, Literals.CALL__ARGS, 3, IssueCodes.UNMAP_DIRECTION_MISMATCH, mapped);
        }
    }
}
