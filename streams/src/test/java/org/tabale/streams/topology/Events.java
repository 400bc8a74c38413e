package org.tabale.streams.topology;

import java.time.LocalDate;
import org.tabale.model.ConflictEvent;
import org.tabale.model.EventType;

/** Test events with only the fields the statistics read. */
public final class Events {

    private Events() {
    }

    public static ConflictEvent event(String id, String regionId, LocalDate day, EventType type, Boolean civilians,
                                      int fatalities, long timestamp) {
        String admin1 = regionId.substring(4);
        return new ConflictEvent(id, day, 1, null, type, null, "Actor", null, null, null, null, null, null, civilians,
                466, "Western Africa", "Mali", admin1, null, null, null, null, null, 1, null, null, null, fatalities, null,
                timestamp, regionId, "acled");
    }

    public static ConflictEvent attack(String id, String regionId, LocalDate day, int fatalities, long timestamp) {
        return event(id, regionId, day, EventType.VIOLENCE_AGAINST_CIVILIANS, true, fatalities, timestamp);
    }
}
