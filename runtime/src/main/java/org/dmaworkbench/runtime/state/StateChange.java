package org.dmaworkbench.runtime.state;

import com.google.gson.annotations.SerializedName;

/**
 * One difference between two {@link IommuState}s ({@link StateDiff}).
 *
 * @param section what changed: "domains", "mappings domain 3", "iotlb domain 3", "flush-queue domain 3",
 *                "iova domain 3", "attachments domain 3", "pasid-table nic0", "atc nic0", "dma-debug nic0",
 *                "devices", "swiotlb"
 * @param kind    added, removed, changed, or became-stale (an IOTLB / ATC entry the page table no longer agrees with)
 * @param key     the entry's key within its section (an IOVA, a PASID, a device name)
 * @param before  the entry before (one line, {@link StateText}), null when added
 * @param after   the entry after, null when removed
 */
public record StateChange(String section, Kind kind, String key, String before, String after) {
    public enum Kind {
        @SerializedName("added") ADDED("added"),
        @SerializedName("removed") REMOVED("removed"),
        @SerializedName("changed") CHANGED("changed"),
        @SerializedName("became-stale") BECAME_STALE("became-stale");

        private final String jsonName;

        Kind(String jsonName) { this.jsonName = jsonName; }

        public String jsonName() { return jsonName; }
    }
}
