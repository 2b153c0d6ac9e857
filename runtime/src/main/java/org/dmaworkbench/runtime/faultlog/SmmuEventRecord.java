package org.dmaworkbench.runtime.faultlog;

/**
 * An SMMUv3 event-queue record, its four 64-bit words decoded with arm-smmu-v3.h's fields: {@code EVTQ_0_ID} [7:0],
 * {@code EVTQ_0_SSV} [11], {@code EVTQ_0_SSID} [31:12], {@code EVTQ_0_SID} [63:32], {@code EVTQ_1_STAG} [15:0],
 * {@code EVTQ_1_STALL} [31], {@code EVTQ_1_PnU} [33], {@code EVTQ_1_InD} [34], {@code EVTQ_1_RnW} [35], {@code EVTQ_1_S2} [39],
 * {@code EVTQ_1_CLASS} [41:40], {@code EVTQ_1_TT_READ} [44], {@code EVTQ_2_ADDR} [63:0], {@code EVTQ_3_IPA} [51:12],
 * {@code EVTQ_3_FETCH_ADDR} [51:3] (as arm_smmu_decode_event() reads them, since v6.15).
 */
record SmmuEventRecord(long w0, long w1, long w2, long w3) {
    int id() { return (int) (w0 & 0xff); }
    boolean ssv() { return bit(w0, 11); }
    int ssid() { return (int) ((w0 >>> 12) & 0xfffff); }
    long sid() { return w0 >>> 32; }
    int stag() { return (int) (w1 & 0xffff); }
    boolean stall() { return bit(w1, 31); }
    boolean privileged() { return bit(w1, 33); }
    boolean instruction() { return bit(w1, 34); }
    boolean read() { return bit(w1, 35); }
    boolean stage2() { return bit(w1, 39); }
    int eventClass() { return (int) ((w1 >>> 40) & 0x3); }
    boolean ttRead() { return bit(w1, 44); }
    long inputAddress() { return w2; }
    long ipa() { return w3 & 0x000f_ffff_ffff_f000L; }
    long fetchAddress() { return w3 & 0x000f_ffff_ffff_fff8L; }

    /** The kernel's event_class_str[] (arm-smmu-v3.c). */
    static String className(int c) {
        return switch (c) {
            case 0 -> "CD fetch";
            case 1 -> "Stage 1 translation table fetch";
            case 2 -> "Input address caused fault";
            default -> "Reserved";
        };
    }

    private static boolean bit(long w, int n) { return ((w >>> n) & 1) != 0; }
}
