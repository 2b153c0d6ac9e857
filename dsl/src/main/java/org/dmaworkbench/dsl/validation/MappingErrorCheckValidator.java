package org.dmaworkbench.dsl.validation;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.dmaworkbench.dsl.dmas.Arg;
import org.dmaworkbench.dsl.dmas.Call;
import org.dmaworkbench.dsl.dmas.DmasPackage.Literals;
import org.dmaworkbench.dsl.dmas.ExpectMappingError;
import org.dmaworkbench.dsl.dmas.HandleDecl;
import org.dmaworkbench.dsl.dmas.NameRef;
import org.dmaworkbench.dsl.dmas.Repeat;
import org.dmaworkbench.dsl.dmas.Scenario;
import org.dmaworkbench.dsl.dmas.Statement;
import org.dmaworkbench.runtime.debug.DmaDebugCheck;
import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.xtext.validation.Check;

/**
 * Every dma_map_single/dma_map_page result must reach dma_mapping_error() before it is unmapped (or
 * before the scenario ends): dma-debug's check_unmap() reports "device driver failed to check map
 * error" otherwise. Not reported for a mapping expected to fail, or an unmap that expects that report.
 */
public class MappingErrorCheckValidator extends DmasCheckBase {

    @Check
    public void checkScenario(Scenario s) {
        List<Statement> flat = Statements.flatten(s.getStatements());
        Map<HandleDecl, Integer> firstCheck = new HashMap<>(), firstUnmap = new HashMap<>();
        for (int i = 0; i < flat.size(); i++) {
            if (flat.get(i) instanceof Repeat) continue; // its body statements come separately
            for (Call c : EcoreUtil2.eAllOfType(flat.get(i), Call.class)) {
                if (!(DmaApiCalls.addressArg(c) instanceof NameRef r) || !(r.getTarget() instanceof HandleDecl h)) continue;
                if (DmaApiCalls.CHECK.equals(c.getFunction())) firstCheck.putIfAbsent(h, i);
                else if (DmaApiCalls.isUnmap(c)) firstUnmap.putIfAbsent(h, i);
            }
        }
        for (Statement st : flat) {
            if (!(st instanceof HandleDecl h) || !DmaApiCalls.isMap(h.getCall()) || h.getName() == null
                    || h.getExpect() instanceof ExpectMappingError) continue;
            int check = firstCheck.getOrDefault(h, Integer.MAX_VALUE), unmapAt = firstUnmap.getOrDefault(h, Integer.MAX_VALUE);
            Statement unmap = unmapAt == Integer.MAX_VALUE ? null : flat.get(unmapAt);
            if (check < unmapAt || unmap != null && Statements.expectsDmaDebug(unmap, DmaDebugCheck.MAP_ERROR_NOT_CHECKED)) continue;
            String dev = device(h);
            String where = unmap == null ? "is never checked with " : "is unmapped at line " + Statements.line(unmap) + " without ";
            warning(h.getType().getLiteral() + " " + h.getName() + " from " + h.getCall().getFunction() + " " + where
                    + "dma_mapping_error(" + dev + ", " + h.getName() + "): dma-debug reports \""
                    + DmaDebugCheck.MAP_ERROR_NOT_CHECKED.fixedText() + "\"" + (unmap == null ? " when it is unmapped" : ""),
                    h, Literals.REFERABLE__NAME, IssueCodes.MISSING_MAPPING_ERROR_CHECK, dev, h.getName());
        }
    }

    /** The device argument as written ({@code dev} when the call has none yet). */
    private static String device(HandleDecl h) {
        List<Arg> args = h.getCall().getArgs();
        return args.isEmpty() ? "dev" : Statements.text(args.get(0)).strip();
    }
}
