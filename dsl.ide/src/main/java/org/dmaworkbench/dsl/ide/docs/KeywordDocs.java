package org.dmaworkbench.dsl.ide.docs;

import java.util.LinkedHashMap;
import java.util.Map;
import org.dmaworkbench.dsl.dmas.Benchmark;
import org.dmaworkbench.dsl.dmas.CpuAccess;
import org.dmaworkbench.dsl.dmas.Device;
import org.dmaworkbench.dsl.dmas.DeviceDma;
import org.dmaworkbench.dsl.dmas.Iommu;
import org.dmaworkbench.dsl.dmas.Platform;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.EcoreUtil2;

/**
 * Hover and completion documentation of every keyword of the language: what it models in the
 * kernel and, for steps, which outcomes a scenario can expect. Literals of the runtime's enums
 * (fault classes, finding kinds) are described here too, in the runtime's own words.
 */
public final class KeywordDocs {
    private KeywordDocs() { }

    private static final Map<String, String> DOCS = new LinkedHashMap<>();

    /** Fault classes, by their scenario spelling (runtime {@code FaultClass}). */
    public static final Map<String, String> FAULT_CLASSES = new LinkedHashMap<>();

    /** Finding kinds, by their scenario spelling (runtime {@code FindingKind}). */
    public static final Map<String, String> FINDING_KINDS = new LinkedHashMap<>();

    /** Symbols accepted as call arguments ({@code DMA_TO_DEVICE}, {@code KVA}, ...). */
    public static final Map<String, String> SYMBOLS = new LinkedHashMap<>();

    /** DMA policies a platform defaults to or a benchmark compares. */
    public static final Map<String, String> POLICIES = new LinkedHashMap<>();

    static {
        // ------------------------------------------------------------- files and platforms
        doc("import", "`import \"path.dmas\"`: makes the platforms, IOMMUs and devices of another file visible (path relative to this file).");
        doc("platform", "`platform NAME { ... }`: the machine a scenario boots: its IOMMUs, the default domain type "
                + "(Kconfig `CONFIG_IOMMU_DEFAULT_*`), the kernel command line, memory and CPUs.");
        doc("arch", "`arch intel-vtd | arm-smmuv3 | riscv-iommu`: the IOMMU architecture; it decides the page-table format, "
                + "the invalidation commands and the hardware fault codes (VT-d fault reason, SMMUv3 event, RISC-V cause).");
        doc("address-width", "`address-width N`: input address width of the IO page tables (VT-d SAGAW/MGAW, SMMU IAS), 48 by default. "
                + "A DMA beyond it faults `address-size`.");
        doc("flush-queue", "`flush-queue N entries T`: the lazy (DMA-FQ) flush queue of `drivers/iommu/dma-iommu.c`: "
                + "`IOVA_FQ_SIZE` slots per CPU (256) and `IOVA_FQ_TIMEOUT` (10 ms) before `fq_flush_timeout()` invalidates "
                + "the IOTLB and frees the queued IOVAs.");
        doc("entries", "Number of flush-queue slots (`IOVA_FQ_SIZE`, 256 in the kernel); a full ring is flushed at once.");
        doc("default-domain", "`default-domain passthrough | strict | lazy`: the build-time default domain type "
                + "(`CONFIG_IOMMU_DEFAULT_PASSTHROUGH`, `..._DMA_STRICT`, `..._DMA_LAZY`); `iommu.passthrough=` and "
                + "`iommu.strict=` on the command line override it. Untrusted devices always get a strict DMA domain.");
        doc("cmdline", "`cmdline \"...\"`: the kernel command line. Honoured: `iommu.passthrough=`, `iommu.strict=`, "
                + "`iommu.forcedac=`, `dma_debug=off`, `swiotlb=noforce` and the RFC's `iommu.kva=fast|strict|off`.");
        doc("memory", "`memory SIZE`: physical memory of the simulated machine (4 GiB by default).");
        doc("cpus", "`cpus N`: CPUs of the simulated machine; each has its own flush queue and IOVA rcache.");
        doc("cost", "`cost NAME N ns`: overrides one latency of the cost model (used by benchmarks).");
        doc("invalidate-rid-only", "Quirk: the IOMMU invalidates only RID-tagged (PASID 0) IOTLB entries, "
                + "as a driver that forgets PASID-tagged entries would; PASID DMA then reads stale translations.");

        // ------------------------------------------------------------- devices
        doc("bdf", "`bdf SSSS:BB:DD.F`: the PCI requester ID (segment, bus, device, function) the IOMMU sees on every DMA.");
        doc("ats", "`ats`: PCIe Address Translation Services are enabled (`pci_enable_ats()`): the device caches translations "
                + "in its own TLB (ATC), which unmaps must invalidate too. Never enabled for an untrusted device.");
        doc("satc", "`satc`: an SoC-integrated ATS device listed in the VT-d SATC table: ATS without the PCIe ATS trust question.");
        doc("coherent", "`coherent`: DMA is cache coherent (`dev_is_dma_coherent()`); the default.");
        doc("non-coherent", "`non-coherent`: DMA bypasses the CPU caches: the driver must call `dma_sync_single_for_cpu/device()` "
                + "around every transfer, otherwise the device or the CPU reads stale data.");
        doc("behind", "`behind external-facing-port`: the device sits below a port the firmware marks external "
                + "(ACPI `ExternalFacingPort`): `pci_dev->untrusted` is set. Untrusted devices get a strict DMA domain, "
                + "swiotlb bounce buffers for sub-page mappings, no ATS, and KVA/bypass modes are refused.");
        doc("external-facing-port", "Marks the device untrusted (`pci_dev->untrusted`, `set_pcie_untrusted()`).");
        doc("require-direct", "`require-direct`: the device has firmware-reserved direct mappings (VT-d RMRR, IORT RMR), "
                + "`IOMMU_RESV_DIRECT` regions; it cannot be put in a blocking or foreign domain.");
        doc("dma-mask", "`dma-mask N`: the addressing capability the driver declared with "
                + "`dma_set_mask_and_coherent(dev, DMA_BIT_MASK(N))` (32 by default).");
        doc("driver", "`driver NAME`: the driver bound at probe; dma-debug names it in its reports.");

        // ------------------------------------------------------------- scenarios and steps
        doc("scenario", "`scenario \"title\" on PLATFORM { steps }`: a sequence of kernel calls and device DMAs run on a freshly "
                + "booted simulated machine; each step can state what it expects.");
        doc("on", "`on PLATFORM`: the platform the scenario or benchmark boots.");
        doc("probe", "`probe DEV`: binds the device's driver: models `really_probe()` → `iommu_device_use_default_domain()`. "
                + "The device is attached to its group's default domain (identity, DMA or DMA-FQ; always strict DMA when untrusted).\n\n"
                + "**Outcomes:** `0`; `-EBUSY` when the group is owned by VFIO/iommufd.");
        doc("unbind", "`unbind DEV`: releases the driver: models `device_release_driver()` → dma-debug's "
                + "`BUS_NOTIFY_UNBOUND_DRIVER` check, then `iommu_device_unuse_default_domain()`.\n\n"
                + "**Outcomes:** `ok`; `dma-debug \"device driver has pending DMA allocations while released from device\"` "
                + "for mappings still live.");
        doc("dma", "`dma DEV [pasid P] read|write ADDR len N`: a DMA request issued by the device (PCIe memory read/write, "
                + "PASID-tagged with `pasid`), translated by the IOMMU: device TLB (ATS), IOTLB, then a walk of the domain "
                + "attached to the RID or PASID.\n\n"
                + "**Outcomes:** `ok`; `fault CLASS [code]` (not-present, write-not-permitted, pasid-not-attached, ...); "
                + "`finding KIND` when it succeeds but should not have (stale-iotlb, use-after-free, sub-page-exposure, ...).");
        doc("cpu", "`cpu read|write BUF [+ off] len N`: a CPU load or store on a buffer. Stores dirty the cache (non-coherent "
                + "devices do not see them until synced); loads may miss device writes not yet synced.\n\n"
                + "**Outcomes:** `ok`; `finding cpu-stale-read`, `finding stale-data`.");
        doc("len", "`len N [KiB|MiB|GiB]`: length of the access in bytes.");
        doc("advance", "`advance N ns|us|ms|sec`: moves the simulated clock. Timers fire on the way: the flush-queue timer "
                + "(`fq_flush_timeout()`, 10 ms) invalidates the IOTLB and frees lazily unmapped IOVAs.");
        doc("check", "`check COUNTER OP N`: the step fails unless the event counter compares as stated, e.g. "
                + "`check iotlb.invalidations >= 1`. Counters: " + String.join(", ", CounterDocs.names()) + ".");
        doc("repeat", "`repeat N { steps }`: runs the body N times (at most 1,000,000); handles declared inside are local to the body.");

        // ------------------------------------------------------------- handle types
        doc("buffer", "`buffer NAME = CALL`: a kernel buffer: a kernel virtual address (`void *`) from kmalloc, vmalloc, alloc_pages, ...");
        doc("dma_addr", "`dma_addr NAME = CALL`: a `dma_addr_t`, the address the device uses: an IOVA, or a physical address through "
                + "dma-direct / an identity domain.");
        doc("domain", "`domain NAME = CALL`: a `struct iommu_domain *`: an IO address space (identity, DMA, DMA-FQ, UNMANAGED, SVA, blocked).");
        doc("process", "`process NAME = CALL`: a user process, its `struct mm_struct` (for SVA binds).");
        doc("sg_table", "`sg_table NAME = CALL`: a `struct sg_table`, a scatterlist for `dma_map_sg()`.");
        doc("coherent_buf", "`coherent_buf NAME = dma_alloc_coherent(...)`: a coherent buffer: CPU address and `dma_addr_t` handle together.");
        doc("sva", "`sva NAME = iommu_sva_bind_device(...)`: a `struct iommu_sva *`, the bond of a device and a process address space.");
        doc("int", "`int NAME = CALL`: an integer result (return code, count, address).");

        // ------------------------------------------------------------- expectations
        doc("expect", "`expect OUTCOME`: what the step must produce: `ok`, a value, `-ERRNO`, `true`/`false`, `IOMMU_PASID_INVALID`, "
                + "`DMA_MAPPING_ERROR`, `fault CLASS [code]`, `finding KIND` or `dma-debug \"message\"`. An unmet expectation fails the scenario.");
        doc("ok", "`expect ok`: the step completed without fault, finding or dma-debug report.");
        doc("fault", "`expect fault CLASS [code]`: the DMA was blocked by the IOMMU with this fault class; the optional code is the "
                + "architecture's own (VT-d fault reason, SMMUv3 event number, RISC-V cause).");
        doc("finding", "`expect finding KIND`: the DMA succeeded, but the model flags it: something real hardware would not report.");
        doc("dma-debug", "`expect dma-debug \"message\"`: `kernel/dma/debug.c` (CONFIG_DMA_API_DEBUG) reports this error, "
                + "e.g. \"device driver frees DMA memory with different size\".");
        doc("IOMMU_PASID_INVALID", "`expect IOMMU_PASID_INVALID`: the call returned `IOMMU_PASID_INVALID` (`(ioasid_t)~0U`): no PASID was allocated.");
        doc("DMA_MAPPING_ERROR", "`expect DMA_MAPPING_ERROR`: the mapping failed (`(dma_addr_t)~0`); `dma_mapping_error()` returns true for it.");
        doc("true", "The call returned true (non-zero).");
        doc("false", "The call returned false (zero).");

        // ------------------------------------------------------------- benchmarks
        doc("benchmark", "`benchmark \"title\" on PLATFORM { device DEV ... compare POLICIES }`: models `dma_map_benchmark` "
                + "(`kernel/dma/map_benchmark.c` + `tools/dma/dma_map_benchmark.c`): threads mapping and unmapping in a loop, "
                + "latency per policy.");
        doc("threads", "`threads N`: concurrent benchmark threads (`-t`).");
        doc("iterations", "`iterations N`: map/unmap pairs per thread.");
        doc("granule", "`granule N`: pages per mapping (`-g`).");
        doc("direction", "`direction bidirectional | to-device | from-device`: DMA direction of the mappings (`-d`).");
        doc("dma-bits", "`dma-bits N`: the device's DMA mask in bits (`-b`).");
        doc("delay", "`delay DURATION`: simulated transfer time between map and unmap (`dma_trans_ns`, `-x`).");
        doc("mode", "`mode single | sg`: map with `dma_map_single()` or `dma_map_sg()`.");
        doc("single", "Benchmark with `dma_map_single()` / `dma_unmap_single()`.");
        doc("sg", "Benchmark with `dma_map_sg()` / `dma_unmap_sg()`.");
        doc("compare", "`compare POLICY, ...`: runs the benchmark once per DMA policy and tabulates the latencies.");
        doc("bidirectional", "`DMA_BIDIRECTIONAL`: the device may read and write the buffer.");
        doc("to-device", "`DMA_TO_DEVICE`: the device only reads the buffer.");
        doc("from-device", "`DMA_FROM_DEVICE`: the device only writes the buffer.");

        // ------------------------------------------------------------- units
        for (String u : new String[] {"KiB", "MiB", "GiB"}) doc(u, "Size unit: " + u + " (binary, 2^10 / 2^20 / 2^30 bytes).");
        for (String u : new String[] {"ns", "us", "ms", "sec"}) doc(u, "Time unit of the simulated clock.");

        // ------------------------------------------------------------- runtime enums
        fault("not-present", "No valid leaf entry for the address in the IO page table (unmapped, or already invalidated).");
        fault("write-not-permitted", "A write hit an entry without write permission (e.g. a `DMA_TO_DEVICE` mapping).");
        fault("read-not-permitted", "A read hit an entry without read permission (second stage only: first stages cannot express write-only).");
        fault("pasid-not-attached", "A PASID-tagged request whose PASID entry / context descriptor is not present.");
        fault("pasid-out-of-range", "A PASID beyond the PASID table, or from a function without the PASID capability.");
        fault("blocked", "The RID or PASID is attached to the blocking domain.");
        fault("address-size", "The input address is beyond the domain's address width.");

        finding("stale-iotlb", "A translation was served from an IOTLB / ATC entry whose page-table entry is gone or changed "
                + "(lazy unmap before the flush queue drained, or a missed invalidation).");
        finding("use-after-free", "The access reached memory whose owner was freed (or reallocated since it was mapped).");
        finding("sub-page-exposure", "Bytes outside the mapped buffer but inside a mapped page were reachable: IOMMU protection is page granular.");
        finding("kernel-text-reachable", "Kernel text or read-only data was reachable by the device.");
        finding("stale-data", "A non-coherent device (or a bounce slot) was read before the CPU's write was synced to it.");
        finding("cpu-stale-read", "The CPU read a buffer the device wrote without `dma_sync_*_for_cpu` / unmap first.");
        finding("kva-stale-page-table", "KVA fast mode used a translation of the kernel page table that the CPU has since changed.");
        finding("no-isolation", "The device reached memory no mapping of it covers: identity / bypass / KVA fast domains isolate nothing.");
        finding("direction-not-honoured", "The device wrote a buffer mapped for reading only: the mapping cannot honour the DMA direction.");

        symbol("DMA_BIDIRECTIONAL", "`enum dma_data_direction`: the device may read and write the buffer (IOMMU_READ | IOMMU_WRITE).");
        symbol("DMA_TO_DEVICE", "`enum dma_data_direction`: memory to device; the mapping is read-only for the device (IOMMU_READ).");
        symbol("DMA_FROM_DEVICE", "`enum dma_data_direction`: device to memory; the mapping is write-only for the device (IOMMU_WRITE; "
                + "first-stage tables imply read).");
        symbol("BYPASS", "RFC `IOMMU_DMA_PASID_BYPASS`: the PASID is attached to an identity domain: the device uses physical addresses.");
        symbol("IOVA", "RFC `IOMMU_DMA_PASID_IOVA`: the PASID shares the device's DMA domain: the DMA API's IOVAs work on it.");
        symbol("KVA", "RFC `IOMMU_DMA_PASID_KVA`: the PASID translates kernel virtual addresses (fast: the kernel page table itself; "
                + "strict: a replicated domain).");
        symbol("IOMMU_READ", "`IOMMU_READ` prot flag: the device may read the mapping.");
        symbol("IOMMU_WRITE", "`IOMMU_WRITE` prot flag: the device may write the mapping.");

        policy("passthrough", "Identity domain (`CONFIG_IOMMU_DEFAULT_PASSTHROUGH`, `iommu.passthrough=1`): the DMA API takes the "
                + "dma-direct path; no isolation, no IOTLB cost.");
        policy("strict", "DMA domain (`CONFIG_IOMMU_DEFAULT_DMA_STRICT`, `iommu.strict=1`): every unmap clears the PTEs, "
                + "invalidates the IOTLB and waits for it.");
        policy("lazy", "DMA-FQ domain (`CONFIG_IOMMU_DEFAULT_DMA_LAZY`, `iommu.strict=0`): unmaps are queued on a per-CPU flush "
                + "queue, invalidated in batches (256 entries or 10 ms): a window where the device can still reach freed memory.");
        policy("kva-fast", "RFC KVA fast (`iommu.kva=fast`): the device shares the kernel page table; map/unmap do nothing in the IOMMU.");
        policy("kva-strict", "RFC KVA strict (`iommu.kva=strict`): the KVA→PA mapping is replicated in an IOMMU domain and every unmap invalidates.");
    }

    private static void doc(String keyword, String markdown) { DOCS.put(keyword, markdown); }

    private static void fault(String name, String text) {
        FAULT_CLASSES.put(name, text);
        doc(name, "Fault class `" + name + "`: " + text);
    }

    private static void finding(String name, String text) {
        FINDING_KINDS.put(name, text);
        doc(name, "Finding `" + name + "`: " + text);
    }

    private static void symbol(String name, String text) {
        SYMBOLS.put(name, text);
        doc(name, "`" + name + "`: " + text);
    }

    private static void policy(String name, String text) {
        POLICIES.put(name, text);
        doc(name, "Policy `" + name + "`: " + text);
    }

    /**
     * Documentation of a keyword where it occurs; {@code context} (the model element that owns the
     * keyword, may be null) tells apart keywords used in several places ({@code iommu}, {@code pasid},
     * {@code device}, {@code read}, ...). Null when there is nothing to say (punctuation).
     */
    public static String describe(String keyword, EObject context) {
        switch (keyword) {
            case "iommu":
                return context instanceof Device
                        ? "`iommu NAME`: the IOMMU the device sits behind; `iommu_probe_device()` puts it in an IOMMU group there."
                        : "`iommu NAME arch ARCH { ... }`: an IOMMU instance (`struct iommu_device`) of the platform.";
            case "pasid-bits":
                return context instanceof Iommu
                        ? "`pasid-bits N`: PASID width the IOMMU supports (VT-d ECAP.PSS + 1, SMMU SSIDSIZE); 0 disables PASIDs."
                        : "`pasid-bits N`: width of the device's PCIe PASID capability (`pci_max_pasids()` = 2^N); "
                                + "0 (the default) means no PASID capability.";
            case "pasid":
                return EcoreUtil2.getContainerOfType(context, DeviceDma.class) != null
                        ? "`pasid P`: the request carries this PASID (PASID TLP prefix); it is translated by the domain attached to "
                                + "that PASID, not the RID's."
                        : "`pasid NAME = CALL`: a PASID (`ioasid_t`), from `iommu_alloc_global_pasid()`, an SVA bond, or the RFC's "
                                + "`iommu_dma_pasid_enable()`.";
            case "device":
                return EcoreUtil2.getContainerOfType(context, Benchmark.class) != null
                        ? "`device DEV`: the device whose DMA mappings are benchmarked."
                        : "`device NAME { ... }`: a PCI function (`struct pci_dev`): its requester ID, IOMMU, capabilities and trust.";
            case "read":
                return context instanceof CpuAccess ? "`read`: a CPU load from the buffer."
                        : "`read`: the device reads memory (a DMA to the device: needs IOMMU_READ).";
            case "write":
                return context instanceof CpuAccess ? "`write`: a CPU store to the buffer."
                        : "`write`: the device writes memory (a DMA from the device: needs IOMMU_WRITE).";
            case "-":
                return "A negative value: `-ERRNO` is a kernel error code (`-EINVAL`, `-EBUSY`, ...).";
            default:
                break;
        }
        if (POLICIES.containsKey(keyword) && context instanceof Platform) {
            return "`default-domain " + keyword + "`: " + POLICIES.get(keyword);
        }
        return DOCS.get(keyword);
    }
}
