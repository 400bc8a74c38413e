package org.tabale.streams.topology;

/** Value of the {@code regions-seen} store (key region id): a region as the data named it. */
public record SeenRegion(String country, String admin1) {
}
