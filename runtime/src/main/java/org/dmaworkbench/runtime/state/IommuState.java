package org.dmaworkbench.runtime.state;

import java.util.List;

/**
 * What a reviewer reasons about after a step, taken only when asked ({@link StateSnapshot#take}):
 * per device its domains, PASID table, ATC and dma-debug entries; per domain its page table, IOTLB
 * entries, flush queue and IOVA allocator; the swiotlb pool. Immutable; serialized by
 * {@link StateJson} (schema {@code dmas-state.schema.json}) and {@link StateText}.
 *
 * @param line             the scenario line of the step after which it was taken (0 before the first)
 * @param timeNs           simulated time
 * @param devices          by name as declared
 * @param domains          every domain a device, a PASID or a handle reaches, by id
 * @param swiotlb          the bounce pool, null when swiotlb is off
 * @param dmaDebugEnabled  whether dma-debug tracks entries ({@code dma_debug=off} empties the lists)
 */
public record IommuState(int line, long timeNs, List<DeviceState> devices, List<DomainState> domains, SwiotlbState swiotlb,
                         boolean dmaDebugEnabled) {
    /** The domain with {@code id}, or null. */
    public DomainState domain(int id) {
        for (DomainState d : domains) if (d.id() == id) return d;
        return null;
    }

    /** The device named {@code name}, or null. */
    public DeviceState device(String name) {
        for (DeviceState d : devices) if (d.name().equals(name)) return d;
        return null;
    }
}
