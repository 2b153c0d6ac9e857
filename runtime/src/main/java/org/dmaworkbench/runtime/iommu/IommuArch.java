package org.dmaworkbench.runtime.iommu;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One IOMMU architecture as a table: its fault codes per {@link FaultClass} and access type, the
 * names of its invalidation commands, and the few behaviours that differ. Adding an architecture
 * means adding one table here. Sources: iommu-semantics.md §5.1 (Intel VT-d 4.x, scalable mode,
 * first-stage DMA domains), §5.2 (Arm SMMUv3, PASID = SSID, S1DSS=SSID0), §5.3 (RISC-V IOMMU 1.0).
 */
public final class IommuArch {
    private final String name;
    private final String description;
    private final Map<FaultClass, FaultCode> readFaults = new EnumMap<>(FaultClass.class);
    private final Map<FaultClass, FaultCode> writeFaults = new EnumMap<>(FaultClass.class);
    private String iotlbInvCmd, pasidIotlbInvCmd, devTlbInvCmd, syncCmd, flushAllCmd;
    private boolean explicitPasidZeroIsRid = true;
    private boolean writeOnlyExpressible = false;

    private IommuArch(String name, String description) {
        this.name = name;
        this.description = description;
    }

    private IommuArch fault(FaultClass c, int code, String codeName) {
        readFaults.put(c, new FaultCode(code, codeName));
        writeFaults.put(c, new FaultCode(code, codeName));
        return this;
    }

    private IommuArch fault(FaultClass c, int readCode, String readName, int writeCode, String writeName) {
        readFaults.put(c, new FaultCode(readCode, readName));
        writeFaults.put(c, new FaultCode(writeCode, writeName));
        return this;
    }

    private IommuArch commands(String iotlb, String pasidIotlb, String devTlb, String sync, String flushAll) {
        this.iotlbInvCmd = iotlb;
        this.pasidIotlbInvCmd = pasidIotlb;
        this.devTlbInvCmd = devTlb;
        this.syncCmd = sync;
        this.flushAllCmd = flushAll;
        return this;
    }

    /** Intel VT-d in scalable mode; DMA domains use first-stage tables, RID2PASID = 0. */
    public static final IommuArch INTEL_VTD = new IommuArch("intel-vtd", "Intel VT-d (scalable mode)")
            .fault(FaultClass.NOT_PRESENT, 0x71, "FS paging entry not present")
            .fault(FaultClass.WRITE_NOT_PERMITTED, 0x85, "SM write not permitted")
            .fault(FaultClass.READ_NOT_PERMITTED, 0x06, "read not permitted")
            .fault(FaultClass.PASID_NOT_ATTACHED, 0x59, "PASID entry not present")
            .fault(FaultClass.PASID_OUT_OF_RANGE, 0x51, "PASID directory entry not present")
            .fault(FaultClass.BLOCKED, 0x59, "PASID entry not present")
            .fault(FaultClass.ADDRESS_SIZE, 0x80, "non-canonical FS input address")
            .commands("PASID-based IOTLB invalidation (desc 6, page-selective)",
                    "PASID-based IOTLB invalidation (desc 6, page-selective)",
                    "device-TLB invalidation (desc 3)", "invalidation wait (desc 5)",
                    "IOTLB invalidation (desc 2, domain-selective)");

    /** Arm SMMUv3: PASID = SubstreamID, the RID domain in CD0 with S1DSS=SSID0. */
    public static final IommuArch ARM_SMMUV3 = new IommuArch("arm-smmuv3", "Arm SMMUv3")
            .fault(FaultClass.NOT_PRESENT, 0x10, "F_TRANSLATION")
            .fault(FaultClass.WRITE_NOT_PERMITTED, 0x13, "F_PERMISSION")
            .fault(FaultClass.READ_NOT_PERMITTED, 0x13, "F_PERMISSION")
            .fault(FaultClass.PASID_NOT_ATTACHED, 0x0A, "C_BAD_CD")
            .fault(FaultClass.PASID_OUT_OF_RANGE, 0x08, "C_BAD_SUBSTREAMID")
            .fault(FaultClass.BLOCKED, 0x06, "F_STREAM_DISABLED")
            .fault(FaultClass.ADDRESS_SIZE, 0x11, "F_ADDR_SIZE")
            .commands("CMD_TLBI_NH_VA (0x12)", "CMD_TLBI_NH_VA (0x12)", "CMD_ATC_INV (0x40)", "CMD_SYNC (0x46)",
                    "CMD_TLBI_NH_ASID (0x11)")
            .rid(false);

    /** RISC-V IOMMU: PASID = process_id, faults reported with the RISC-V cause codes. */
    public static final IommuArch RISCV = new IommuArch("riscv-iommu", "RISC-V IOMMU")
            .fault(FaultClass.NOT_PRESENT, 13, "load page fault", 15, "store/AMO page fault")
            .fault(FaultClass.WRITE_NOT_PERMITTED, 15, "store/AMO page fault")
            .fault(FaultClass.READ_NOT_PERMITTED, 13, "load page fault")
            .fault(FaultClass.PASID_NOT_ATTACHED, 266, "PDT entry not valid")
            .fault(FaultClass.PASID_OUT_OF_RANGE, 260, "transaction type disallowed")
            .fault(FaultClass.BLOCKED, 258, "DDT entry not valid")
            .fault(FaultClass.ADDRESS_SIZE, 13, "load page fault", 15, "store/AMO page fault")
            .commands("IOTINVAL.VMA", "IOTINVAL.VMA (PSCV)", "ATS.INVAL", "IOFENCE.C", "IOTINVAL.VMA (all)");

    private IommuArch rid(boolean pasidZeroIsRid) {
        this.explicitPasidZeroIsRid = pasidZeroIsRid;
        return this;
    }

    private static final Map<String, IommuArch> BY_NAME = new LinkedHashMap<>();
    static {
        for (IommuArch a : new IommuArch[] {INTEL_VTD, ARM_SMMUV3, RISCV}) BY_NAME.put(a.name, a);
    }

    /** Looks an architecture up by its scenario name ("intel-vtd", "arm-smmuv3", "riscv-iommu"). */
    public static IommuArch byName(String name) { return BY_NAME.get(name); }

    public static Iterable<String> names() { return BY_NAME.keySet(); }

    public String name() { return name; }
    public String description() { return description; }

    /** The architecture's code for a fault of class {@code c} on an access of type {@code t}. */
    public FaultCode faultCode(FaultClass c, AccessType t) {
        return (t == AccessType.WRITE ? writeFaults : readFaults).get(c);
    }

    /**
     * Whether a PASID-tagged request with PASID 0 is handled as the RID's traffic (VT-d: RID2PASID
     * = 0) or rejected (SMMUv3 with S1DSS=SSID0: explicit SSID 0 is illegal).
     */
    public boolean explicitPasidZeroIsRid() { return explicitPasidZeroIsRid; }

    /**
     * Whether the stage-1 tables the kernel uses can grant write without read. They cannot on any of
     * these (VT-d first stage, io-pgtable-arm AP bits, RISC-V W without R is reserved), so a
     * DMA_FROM_DEVICE mapping is readable by the device.
     */
    public boolean writeOnlyExpressible() { return writeOnlyExpressible; }

    public String iotlbInvalidateCommand() { return iotlbInvCmd; }
    public String pasidIotlbInvalidateCommand() { return pasidIotlbInvCmd; }
    public String deviceTlbInvalidateCommand() { return devTlbInvCmd; }
    public String syncCommand() { return syncCmd; }
    public String flushAllCommand() { return flushAllCmd; }

    @Override public String toString() { return name; }
}
