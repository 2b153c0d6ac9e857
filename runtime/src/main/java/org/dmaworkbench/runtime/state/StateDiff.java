package org.dmaworkbench.runtime.state;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What changed between two {@link IommuState}s of one run: entries added, removed or changed per
 * section (page-table mappings, IOTLB / ATC entries, PASID tables, flush queues, IOVA ranges, swiotlb
 * runs, dma-debug entries), and IOTLB / ATC entries that became stale. Entries are matched by their
 * key and compared by their one-line text ({@link StateText}); a flush-queue entry's age, which grows
 * with time alone, is not a change.
 *
 * @param fromLine the line of the earlier state
 * @param toLine   the line of the later state
 */
public record StateDiff(int fromLine, int toLine, List<StateChange> changes) {

    public boolean isEmpty() { return changes.isEmpty(); }

    /** The changes from {@code before} to {@code after} (null before: everything is added). */
    public static StateDiff between(IommuState before, IommuState after) {
        List<StateChange> out = new ArrayList<>();
        List<DomainState> bd = before == null ? List.of() : before.domains();
        List<DeviceState> bv = before == null ? List.of() : before.devices();
        list(out, "devices", bv, after.devices(), DeviceState::name, StateText::deviceLine, false);
        for (DeviceState d : after.devices()) {
            DeviceState o = find(bv, d.name());
            String n = d.name();
            list(out, "pasid-table " + n, o == null ? List.of() : o.pasidTable(), d.pasidTable(), PasidEntryState::key, StateText::line, false);
            list(out, "atc " + n, o == null ? List.of() : o.deviceTlb(), d.deviceTlb(), IotlbEntryState::key, StateText::line, true);
            list(out, "dma-debug " + n, o == null ? List.of() : o.dmaDebug(), d.dmaDebug(), DmaDebugEntryState::key, StateText::line, false);
        }
        list(out, "domains", bd, after.domains(), d -> String.valueOf(d.id()), StateText::domainLine, false);
        for (DomainState d : after.domains()) {
            DomainState o = before == null ? null : before.domain(d.id());
            String s = " domain " + d.id();
            list(out, "attachments" + s, o == null ? List.of() : o.attachments(), d.attachments(), a -> a, a -> a, false);
            list(out, "mappings" + s, mappings(o), mappings(d), IoMappingState::key, StateText::line, false);
            list(out, "iotlb" + s, o == null ? List.of() : o.iotlb(), d.iotlb(), IotlbEntryState::key, StateText::line, true);
            list(out, "flush-queue" + s, fq(o), fq(d), FlushQueueState.Entry::key, StateText::line, false);
            list(out, "iova" + s, iova(o), iova(d), IovaSpaceState.Range::key, StateText::line, false);
        }
        if (before != null || after.swiotlb() != null) {
            list(out, "swiotlb", runs(before == null ? null : before.swiotlb()), runs(after.swiotlb()), SwiotlbState.Run::key,
                    StateText::line, false);
        }
        return new StateDiff(before == null ? 0 : before.line(), after.line(), List.copyOf(out));
    }

    private static DeviceState find(List<DeviceState> l, String name) {
        for (DeviceState d : l) if (d.name().equals(name)) return d;
        return null;
    }

    private static List<IoMappingState> mappings(DomainState d) {
        return d == null || d.pageTable() == null ? List.of() : d.pageTable().mappings();
    }

    private static List<FlushQueueState.Entry> fq(DomainState d) {
        return d == null || d.flushQueue() == null ? List.of() : d.flushQueue().entries();
    }

    private static List<IovaSpaceState.Range> iova(DomainState d) {
        return d == null || d.iova() == null ? List.of() : d.iova().allocated();
    }

    private static List<SwiotlbState.Run> runs(SwiotlbState s) { return s == null ? List.of() : s.runs(); }

    /** One section: matched by key, compared by text; {@code staleness}: entries with a stale flag (IOTLB, ATC). */
    private static <T> void list(List<StateChange> out, String section, List<T> before, List<T> after, Function<T, String> key,
                                 Function<T, String> text, boolean staleness) {
        Map<String, T> old = new LinkedHashMap<>();
        for (T t : before) old.put(key.apply(t), t);
        for (T t : after) {
            String k = key.apply(t);
            T o = old.remove(k);
            String now = text.apply(t);
            if (o == null) {
                out.add(new StateChange(section, StateChange.Kind.ADDED, k, null, now));
                continue;
            }
            String was = text.apply(o);
            if (was.equals(now)) continue;
            boolean stale = staleness && t instanceof IotlbEntryState e && e.stale() && !((IotlbEntryState) o).stale();
            out.add(new StateChange(section, stale ? StateChange.Kind.BECAME_STALE : StateChange.Kind.CHANGED, k, was, now));
        }
        for (Map.Entry<String, T> gone : old.entrySet()) {
            out.add(new StateChange(section, StateChange.Kind.REMOVED, gone.getKey(), text.apply(gone.getValue()), null));
        }
    }
}
