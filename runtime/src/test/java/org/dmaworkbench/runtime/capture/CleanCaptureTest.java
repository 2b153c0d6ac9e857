package org.dmaworkbench.runtime.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Zero false positives: a clean capture of NIC and NVMe traffic ({@link SyntheticCapture}: RX ring re-maps and
 * syncs, TX maps, sg I/O merged into one IOVA range, coherent queues, iommu map/unmap under every mapping, LIFO
 * IOVA reuse) in both generations of event names gives no finding, no warning, and plausible statistics.
 */
class CleanCaptureTest {

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void aCleanNicAndNvmeCaptureGivesNothing(boolean phys) throws IOException {
        Captures c = Captures.replay(SyntheticCapture.stream(60_000, phys, 42), "clean.trace");
        assertEquals(List.of(), c.findings);
        assertEquals(List.of(), c.warnings);
        CaptureResult r = c.result;
        assertTrue(r.counts().events() >= 60_000, r.counts().events() + " events");
        assertEquals(0, r.counts().foreignLines());
        assertTrue(r.counts().unknownEvents().isEmpty());
        DeviceStats nvme = r.devices().stream().filter(d -> d.device().equals("0000:03:00.0")).findFirst().orElseThrow();
        DeviceStats nic = r.devices().stream().filter(d -> d.device().equals("0000:02:00.0")).findFirst().orElseThrow();
        assertTrue(nic.maps() > 5_000 && nic.unmaps() > 5_000 && nic.syncsForCpu() > 5_000, "NIC traffic");
        assertTrue(nvme.sgMaps() > 1_000 && nvme.sgUnmaps() > 1_000 && nvme.allocs() == 2, "NVMe traffic");
        assertTrue(nic.peakLive() >= 256, "the RX ring is live: " + nic.peakLive());
        assertTrue(nic.liveAtEnd() >= 256 && nic.oldestLiveLine() > 0, "live at the end: " + nic.liveAtEnd());
        assertTrue(nic.reuses() > 1_000 && nic.reuseMin() == 0, "LIFO reuse: the next map often gets the address back");
        assertTrue(r.iommuMaps() > 5_000 && r.iommuUnmaps() > 5_000);
    }
}
