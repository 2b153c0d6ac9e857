package org.dmaworkbench.runtime.iommu;

/**
 * A PCI segment:bus:device.function address; its requester ID ({@code PCI_DEVID}) is the stream /
 * source ID the IOMMU sees (VT-d SID, SMMUv3 StreamID).
 */
public record Bdf(int segment, int bus, int dev, int fn) {
    /** Parses "0000:6a:01.0" (or "6a:01.0"); null when malformed. */
    public static Bdf parse(String s) {
        try {
            String[] parts = s.trim().split(":");
            int seg = 0, i = 0;
            if (parts.length == 3) seg = Integer.parseInt(parts[i++], 16);
            else if (parts.length != 2) return null;
            int bus = Integer.parseInt(parts[i++], 16);
            String[] df = parts[i].split("\\.");
            if (df.length != 2) return null;
            int d = Integer.parseInt(df[0], 16), f = Integer.parseInt(df[1], 16);
            if (bus > 0xff || d > 0x1f || f > 7 || seg > 0xffff) return null;
            return new Bdf(seg, bus, d, f);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The 16-bit requester ID: bus << 8 | devfn. */
    public int requesterId() { return bus << 8 | dev << 3 | fn; }

    @Override public String toString() { return String.format("%04x:%02x:%02x.%x", segment, bus, dev, fn); }
}
