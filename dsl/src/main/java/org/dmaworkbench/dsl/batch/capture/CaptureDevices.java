package org.dmaworkbench.dsl.batch.capture;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dmaworkbench.runtime.capture.CaptureFinding;
import org.dmaworkbench.runtime.capture.CaptureResult;
import org.dmaworkbench.runtime.capture.DeviceStats;

/**
 * One capture file's verdicts by device, gathered from the findings as they stream (so the counts are exact however
 * many there are): per device how many violations, faults and uncertain verdicts, the first
 * {@value #KEPT_PER_DEVICE} certain and uncertain ones, and the device's statistics from the file's result. What the
 * JUnit and HTML reports show per device; reset for each file.
 */
public final class CaptureDevices {
    /** Certain (violations, faults) and uncertain findings kept per device and file, each. */
    public static final int KEPT_PER_DEVICE = 1_000;
    /** The name of findings without a device. */
    public static final String NO_DEVICE = "(no device)";

    /** One device of a file. */
    public static final class Device {
        private final String name;
        private long violations;
        private long faults;
        private long uncertain;
        private final List<CaptureFinding> certain = new ArrayList<>();
        private final List<CaptureFinding> doubtful = new ArrayList<>();
        private DeviceStats stats;

        Device(String name) { this.name = name; }

        public String name() { return name; }
        public long violations() { return violations; }
        public long faults() { return faults; }
        public long uncertain() { return uncertain; }
        /** Violations and faults in capture order, the first {@value #KEPT_PER_DEVICE}. */
        public List<CaptureFinding> certain() { return certain; }
        /** Uncertain verdicts in capture order, the first {@value #KEPT_PER_DEVICE}. */
        public List<CaptureFinding> doubtful() { return doubtful; }
        /** Its statistics, or null for a device only a kernel-log fault names. */
        public DeviceStats stats() { return stats; }
        /** Violations or faults: its test case fails. */
        public boolean failed() { return violations + faults > 0; }
    }

    private final Map<String, Device> devices = new LinkedHashMap<>();

    /** Counts a finding of the current file. */
    public void add(CaptureFinding f) {
        Device d = device(f.device() == null || f.device().isEmpty() ? NO_DEVICE : f.device());
        switch (f.kind()) {
            case VIOLATION -> d.violations++;
            case FAULT -> d.faults++;
            case UNCERTAIN -> d.uncertain++;
        }
        List<CaptureFinding> kept = f.kind() == CaptureFinding.Kind.UNCERTAIN ? d.doubtful : d.certain;
        if (kept.size() < KEPT_PER_DEVICE) kept.add(f);
    }

    /**
     * The devices of the file whose result this is: those of its statistics first (in order of first appearance),
     * then those only its findings name; the next file starts afresh.
     */
    public List<Device> finish(CaptureResult r) {
        Map<String, Device> found = new LinkedHashMap<>(devices);
        devices.clear();
        List<Device> out = new ArrayList<>();
        for (DeviceStats s : r.devices()) {
            Device d = found.remove(s.device());
            if (d == null) d = new Device(s.device());
            d.stats = s;
            out.add(d);
        }
        out.addAll(found.values());
        return out;
    }

    private Device device(String name) {
        return devices.computeIfAbsent(name, Device::new);
    }
}
