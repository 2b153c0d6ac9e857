package org.dmaworkbench.runtime.run;

import static org.dmaworkbench.runtime.program.Arg.num;
import static org.dmaworkbench.runtime.program.Arg.ref;
import static org.dmaworkbench.runtime.program.Arg.str;
import static org.dmaworkbench.runtime.program.Arg.sym;

import java.util.List;
import java.util.Map;
import org.dmaworkbench.runtime.program.Arg;
import org.dmaworkbench.runtime.program.DeviceSpec;
import org.dmaworkbench.runtime.program.Expectation;
import org.dmaworkbench.runtime.program.IommuSpec;
import org.dmaworkbench.runtime.program.PlatformSpec;
import org.dmaworkbench.runtime.program.ScenarioProgram;
import org.dmaworkbench.runtime.program.Step;

/** The two scenarios of the language issue's contract, built as the language will lower them. */
final class SeedScenarios {
    private SeedScenarios() { }

    static PlatformSpec spr() {
        return new PlatformSpec("spr", List.of(new IommuSpec("vtd0", "intel-vtd", 48, 20, 256, 10, false)), "lazy",
                "iommu.strict=0", 4096, 1, Map.of());
    }

    static List<DeviceSpec> devices() {
        return List.of(
                new DeviceSpec("dsa0", "0000:6a:01.0", "vtd0", 20, true, true, true, false, false, 64, "idxd"),
                new DeviceSpec("tbt_nic", "0000:3c:00.0", "vtd0", 0, false, false, true, true, false, 64, "igc"));
    }

    static Step s(int line, String op, Arg... args) { return Step.call(line, op, args); }

    static Step dma(int line, String dev, String pasid, String rw, Arg addr, long len) {
        return pasid == null ? Step.call(line, "dma", ref(dev), sym(rw), addr, num(len))
                : Step.call(line, "dma", ref(dev), ref(pasid), sym(rw), addr, num(len));
    }

    /** "kernel DMA with a global PASID shares the RID page table". */
    static ScenarioProgram globalPasid() {
        return new ScenarioProgram("kernel DMA with a global PASID shares the RID page table", "seed.dmas", 3, spr(), devices(), List.of(
                s(4, "probe", ref("dsa0")),
                s(5, "iommu_alloc_global_pasid", ref("dsa0")).bind("pasid", "kp").expect(Expectation.value(1)),
                s(6, "default_domain", ref("dsa0")).bind("domain", "dd"),
                s(7, "iommu_attach_device_pasid", ref("dd"), ref("dsa0"), ref("kp")).expect(Expectation.value(0)),
                s(8, "iommu_attach_device_pasid", ref("dd"), ref("dsa0"), num(0)).expect(Expectation.errno("EINVAL")),
                s(9, "kmalloc", num(4096)).bind("buffer", "buf"),
                s(10, "dma_map_single", ref("dsa0"), ref("buf"), num(4096), sym("DMA_TO_DEVICE")).bind("dma_addr", "a"),
                s(11, "dma_mapping_error", ref("dsa0"), ref("a")).expect(Expectation.bool(false)),
                dma(12, "dsa0", null, "read", ref("a"), 4096).expect(Expectation.ok()),
                dma(13, "dsa0", "kp", "read", ref("a"), 4096).expect(Expectation.ok()),
                dma(14, "dsa0", "kp", "write", ref("a"), 64).expect(Expectation.fault("write-not-permitted")),
                s(15, "dma_unmap_single", ref("dsa0"), ref("a"), num(4096), sym("DMA_TO_DEVICE")),
                dma(16, "dsa0", "kp", "read", ref("a"), 64).expect(Expectation.finding("stale-iotlb")),
                s(17, "advance", num(10_000_000)),
                dma(18, "dsa0", "kp", "read", ref("a"), 64).expect(Expectation.fault("not-present")),
                Step.call(19, "check", str("iotlb.invalidations"), sym(">="), num(1)).expect(Expectation.value(1))));
    }

    /** "untrusted device: strict domain, bounce buffers, dma-debug". */
    static ScenarioProgram untrusted() {
        return new ScenarioProgram("untrusted device: strict domain, bounce buffers, dma-debug", "seed.dmas", 22, spr(), devices(), List.of(
                s(23, "probe", ref("tbt_nic")),
                s(24, "iommu_dma_pasid_enable", ref("tbt_nic"), sym("KVA")).bind("pasid", "p").expect(Expectation.pasidInvalid()),
                s(25, "kmalloc", num(64)).bind("buffer", "small"),
                s(26, "dma_map_single", ref("tbt_nic"), ref("small"), num(64), sym("DMA_FROM_DEVICE")).bind("dma_addr", "b"),
                dma(27, "tbt_nic", null, "write", ref("b"), 64).expect(Expectation.ok()),
                dma(28, "tbt_nic", null, "write", ref("b", 64), 64).expect(Expectation.ok()),
                s(29, "dma_unmap_single", ref("tbt_nic"), ref("b"), num(32), sym("DMA_FROM_DEVICE"))
                        .expect(Expectation.dmaDebug("device driver frees DMA memory with different size")),
                s(30, "dma_map_single", ref("tbt_nic"), ref("small"), num(64), sym("DMA_FROM_DEVICE")).bind("dma_addr", "c"),
                s(31, "unbind", ref("tbt_nic"))
                        .expect(Expectation.dmaDebug("device driver has pending DMA allocations while released from device"))));
    }
}
