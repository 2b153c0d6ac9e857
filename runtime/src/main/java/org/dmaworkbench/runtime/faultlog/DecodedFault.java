package org.dmaworkbench.runtime.faultlog;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.dmaworkbench.runtime.iommu.AccessType;
import org.dmaworkbench.runtime.iommu.Bdf;
import org.dmaworkbench.runtime.iommu.FaultClass;

/**
 * One IOMMU fault record of a kernel log, decoded: what the hardware reported (VT-d fault recording
 * register, SMMUv3 event record, AMD-Vi event log entry, RISC-V fault-queue record) as the driver printed it.
 *
 * @param fileName    the log file, as given to the reader
 * @param line        1-based line of the record's first line
 * @param family      which driver printed it
 * @param device      the requester as printed ("00:02.0", "0000:02:00.0", "sid 0x8", "devid 0x10")
 * @param bdf         the requester as a PCI segment:bus:device.function when the record names one (segment 0 if
 *                    not printed); empty for stream and device IDs that are not known to be PCI requester IDs
 * @param address     the faulting address (IOVA; for VT-d interrupt-remapping faults the interrupt index)
 * @param access      read or write, or null when the record does not say
 * @param pasid       the PASID / SubstreamID, or {@link #NO_PASID}
 * @param rawCode     the hardware code (VT-d fault reason, SMMUv3 event ID, AMD-Vi event type, RISC-V cause)
 * @param codeName    its name ("F_TRANSLATION", "IO_PAGE_FAULT", "0x06", "load page fault")
 * @param faultClass  the project's class of the fault, or null when the code is unknown or maps to none
 * @param explanation one line for a kernel engineer
 * @param fields      every decoded field, in the record's order
 */
public record DecodedFault(String fileName, long line, FaultFamily family, String device, Optional<Bdf> bdf,
        long address, AccessType access, int pasid, int rawCode, String codeName, FaultClass faultClass,
        String explanation, Map<String, String> fields) {

    /** The {@link #pasid()} of a request without PASID / SubstreamID. */
    public static final int NO_PASID = -1;

    public DecodedFault {
        Objects.requireNonNull(family, "family");
        bdf = bdf == null ? Optional.empty() : bdf;
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields == null ? Map.of() : fields));
    }

    /** Whether the request carried a PASID (SubstreamID, process_id). */
    public boolean hasPasid() { return pasid != NO_PASID; }

    /** Whether this is an interrupt (remapping) fault rather than a DMA translation fault. */
    public boolean isInterrupt() { return "interrupt".equals(fields.get("request")); }

    /**
     * Whether {@link #address()} is the IOVA of a DMA request (the one to match with mappings): false for interrupts,
     * for AMD-Vi events whose address is a table's or command's (field "address-kind"), and for records without one.
     */
    public boolean addressIsIova() {
        return !isInterrupt() && "iova".equals(fields.getOrDefault("address-kind", "iova"));
    }

    /** {@code file:line} of the record. */
    public String location() { return fileName + ":" + line; }
}
