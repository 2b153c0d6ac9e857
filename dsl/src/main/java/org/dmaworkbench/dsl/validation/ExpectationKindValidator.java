package org.dmaworkbench.dsl.validation;

import java.util.Set;
import org.dmaworkbench.dsl.dmas.CpuAccess;
import org.dmaworkbench.dsl.dmas.DeviceDma;
import org.dmaworkbench.dsl.dmas.Expect;
import org.dmaworkbench.dsl.dmas.ExpectBool;
import org.dmaworkbench.dsl.dmas.ExpectErrno;
import org.dmaworkbench.dsl.dmas.ExpectFault;
import org.dmaworkbench.dsl.dmas.ExpectFinding;
import org.dmaworkbench.dsl.dmas.ExpectMappingError;
import org.dmaworkbench.dsl.dmas.ExpectPasidInvalid;
import org.dmaworkbench.dsl.dmas.ExpectValue;
import org.dmaworkbench.dsl.dmas.Probe;
import org.dmaworkbench.dsl.dmas.Unbind;
import org.dmaworkbench.runtime.run.CallSignature;
import org.dmaworkbench.runtime.run.ValueType;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.validation.Check;

/**
 * Expectations the statement can never meet: only a {@code dma} faults, only a {@code dma} or a
 * {@code cpu} access has findings, and a value expectation needs a result of its kind (a bool for
 * true/false, a pasid for IOMMU_PASID_INVALID, a dma_addr for DMA_MAPPING_ERROR, an int for errnos).
 */
public class ExpectationKindValidator extends DmasCheckBase {

    @Check
    public void checkKind(Expect e) {
        EObject st = e.eContainer();
        boolean access = st instanceof DeviceDma || st instanceof CpuAccess;
        if (e instanceof ExpectFault && !(st instanceof DeviceDma)) {
            impossible(e, "only a device access ('dma dev read|write ...') can fault; " + what(st) + " cannot");
        } else if (e instanceof ExpectFinding && !access) {
            impossible(e, "findings come from device and CPU accesses ('dma ...', 'cpu ...'); " + what(st) + " has none");
        } else if (returnsValue(e) && (access || st instanceof Unbind)) {
            String can = st instanceof DeviceDma ? "ok, fault, finding or dma-debug"
                    : st instanceof CpuAccess ? "ok, finding or dma-debug" : "ok or dma-debug";
            impossible(e, what(st) + " has no result: expect " + can);
        } else if (st instanceof Probe) {
            if (e instanceof ExpectBool || e instanceof ExpectPasidInvalid || e instanceof ExpectMappingError) {
                impossible(e, "probe returns 0 or an errno");
            }
        } else {
            CallSignature sig = ArgTypes.signature(Statements.topCall(st));
            if (sig != null) checkResult(e, sig);
        }
    }

    private void checkResult(Expect e, CallSignature sig) {
        ValueType r = sig.returns();
        String result = sig.name() + " returns " + (r == ValueType.VOID ? "nothing" : ArgTypes.name(r));
        if (e instanceof ExpectBool && r != ValueType.BOOL) {
            impossible(e, "expect true/false needs a bool result; " + result);
        } else if (e instanceof ExpectPasidInvalid && r != ValueType.PASID) {
            impossible(e, "IOMMU_PASID_INVALID is a pasid; " + result);
        } else if (e instanceof ExpectMappingError && r != ValueType.DMA_ADDR && r != ValueType.COHERENT) {
            impossible(e, "DMA_MAPPING_ERROR is a dma_addr; " + result);
        } else if (e instanceof ExpectErrno && !Set.of(ValueType.INT, ValueType.SVA).contains(r)) {
            impossible(e, result + ", never an errno");
        } else if (e instanceof ExpectValue && r == ValueType.VOID) {
            impossible(e, result + ": expect ok or dma-debug");
        }
    }

    private static boolean returnsValue(Expect e) {
        return e instanceof ExpectValue || e instanceof ExpectBool || e instanceof ExpectErrno || e instanceof ExpectPasidInvalid
                || e instanceof ExpectMappingError;
    }

    private static String what(EObject st) {
        if (st instanceof DeviceDma) return "a dma";
        if (st instanceof CpuAccess) return "a cpu access";
        if (st instanceof Unbind) return "unbind";
        if (st instanceof Probe) return "probe";
        return "a call to " + (Statements.topCall(st) == null ? "?" : Statements.topCall(st).getFunction());
    }

    private void impossible(Expect e, String why) {
        error("impossible expectation: " + why, e, null, IssueCodes.EXPECT_IMPOSSIBLE);
    }
}
