package org.dmaworkbench.runtime.faultlog;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The SMMUv3 event lines of arm-smmu-v3.c: {@code arm_smmu_evtq_thread()} (dev_info, since v6.15 dev_err in
 * {@code arm_smmu_dump_raw_event()}) prints "event 0x%02x received:" and the record's four words "\t0x%016llx";
 * since v6.15 {@code arm_smmu_dump_event()} adds "event: %s client: %s sid: %#x ssid: %#x ..." and, for translation
 * faults, "%s %s %s %s \"%s\"%s%s stag: %#x"; "EVTQ overflow detected -- events lost" when the queue overflowed.
 */
final class SmmuDecoder implements LogLineDecoder {
    private static final Pattern HEADER = Pattern.compile("(?:^|\\s)(\\S+):\\s*event 0x([0-9a-fA-F]{1,2}) received:");
    private static final Pattern WORD = Pattern.compile("^(?:(?:\\S+\\s+)?(\\S+):)?\\s*0x([0-9a-fA-F]{1,16})\\s*$");
    private static final String NUM = "(0x[0-9a-fA-F]{1,16}|0)";
    private static final Pattern EVENT = Pattern.compile("(?:(?:^|\\s)(\\S+):\\s*)?event: (\\S+) client: (.+?) sid: " + NUM
            + " ssid: " + NUM + "(?: iova: " + NUM + " ipa: " + NUM + "| fetch_addr: " + NUM + ")?\\s*$");
    private static final Pattern DETAIL = Pattern.compile("(?:^|\\s)(priv|unpriv) (inst|data) (read|write) (s1|s2) \"([^\"]*)\""
            + "( ttd_read| ttd_write)?( stall)? stag: " + NUM + "\\s*$");

    private static final Pattern EVENT_ANCHOR = Pattern.compile("\\bevent: \\S+ client\\b");

    private enum State { NONE, WORDS, AFTER_RECORD, AFTER_EVENT_LINE }

    private final FaultSink sink;
    private State state = State.NONE;
    private long headLine;
    private String headTime;
    private String smmu;
    private int headerId;
    private final long[] words = new long[4];
    private int nWords;
    private SmmuFault.Decoded decoded;

    SmmuDecoder(FaultSink sink) { this.sink = sink; }

    static boolean matches(String body) {
        return body.contains(" received:") && HEADER.matcher(body).find()
                || body.contains("event: ") && EVENT_ANCHOR.matcher(body).find()
                || body.contains("EVTQ overflow detected") || body.contains("EVTQ write aborted");
    }

    @Override
    public boolean pending() { return state != State.NONE; }

    @Override
    public boolean offer(long lineNo, LogLinePrefix.Split line) {
        String body = line.body();
        if (state != State.NONE && continues(body)) return true;
        if (state != State.NONE) finish();
        if (body.contains("EVTQ overflow detected") || body.contains("EVTQ write aborted")) {
            sink.lost(lineNo, FaultFamily.SMMUV3, "SMMUv3 event queue: " + body.substring(body.indexOf("EVTQ")).strip());
            return true;
        }
        Matcher h = HEADER.matcher(body);
        if (h.find()) {
            state = State.WORDS;
            headLine = lineNo;
            headTime = line.time();
            smmu = h.group(1);
            headerId = Integer.parseInt(h.group(2), 16);
            nWords = 0;
            return true;
        }
        if (body.contains("event: ") && EVENT_ANCHOR.matcher(body).find()) {
            Matcher e = EVENT.matcher(body);
            if (!e.find()) {
                sink.warning(lineNo, "SMMUv3 event line cannot be read: expected 'event: NAME client: DEV sid: N ssid: N ...'");
                return true;
            }
            headLine = lineNo;
            headTime = line.time();
            smmu = e.group(1) == null ? "smmu" : e.group(1);
            decoded = eventLine(e);
            state = State.AFTER_EVENT_LINE;
            return true;
        }
        return false;
    }

    /** Takes the line when it continues the open record. */
    private boolean continues(String body) {
        switch (state) {
            case WORDS -> {
                Matcher w = WORD.matcher(body);
                if (!w.find() || w.group(1) != null && !w.group(1).equals(smmu)) return false;
                words[nWords++] = Long.parseUnsignedLong(w.group(2), 16);
                if (nWords == 4) state = State.AFTER_RECORD;
                return true;
            }
            case AFTER_RECORD, AFTER_EVENT_LINE -> {
                if (decoded == null) {
                    Matcher e = EVENT.matcher(body);
                    if (!e.find() || e.group(1) != null && !e.group(1).equals(smmu)) return false;
                    decoded = eventLine(e);
                    return true;
                }
                Matcher d = DETAIL.matcher(body);
                if (decoded.className() != null || !d.find()) return false;
                decoded = withDetail(decoded, d);
                return true;
            }
            default -> { return false; }
        }
    }

    @Override
    public void end() {
        if (state != State.NONE) finish();
    }

    private void finish() {
        State s = state;
        state = State.NONE;
        SmmuFault.Decoded d = decoded;
        decoded = null;
        if (s == State.WORDS) {
            sink.warning(headLine, "SMMUv3 event record cut short: " + nWords + " of its 4 words follow 'event 0x"
                    + String.format("%02x", headerId) + " received:'");
            return;
        }
        if (s == State.AFTER_EVENT_LINE) {
            sink.fault(SmmuFault.fromDecoded(sink.fileName(), headLine, headTime, smmu, d));
            return;
        }
        SmmuEventRecord r = new SmmuEventRecord(words[0], words[1], words[2], words[3]);
        if (r.id() != headerId) sink.warning(headLine, String.format("SMMUv3 event header says 0x%02x but word 0 holds event 0x%02x;"
                + " decoded from the words", headerId, r.id()));
        String client = d == null || d.client().startsWith("(unassigned") ? null : d.client();
        sink.fault(SmmuFault.fromRecord(sink.fileName(), headLine, headTime, smmu, r, client));
    }

    private static SmmuFault.Decoded eventLine(Matcher e) {
        return new SmmuFault.Decoded(e.group(2), e.group(3).strip(), num(e.group(4)), (int) (num(e.group(5)) & 0xfffff),
                e.group(6) == null ? null : num(e.group(6)), e.group(7) == null ? null : num(e.group(7)),
                e.group(8) == null ? null : num(e.group(8)), null, null, null, null, null, null, false, null);
    }

    private static SmmuFault.Decoded withDetail(SmmuFault.Decoded d, Matcher m) {
        return new SmmuFault.Decoded(d.event(), d.client(), d.sid(), d.ssid(), d.iova(), d.ipa(), d.fetchAddr(),
                m.group(1).equals("priv"), m.group(2).equals("inst"), m.group(3).equals("read"), m.group(4).equals("s2"),
                m.group(5), m.group(6) == null ? null : m.group(6).strip(), m.group(7) != null, (int) (num(m.group(8)) & 0xffff));
    }

    private static long num(String s) { return s.equals("0") ? 0 : Long.parseUnsignedLong(s.substring(2), 16); }
}
