package org.tabale.alerts.route;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.tabale.alerts.message.Language;
import org.tabale.alerts.rules.Severity;

/**
 * Someone to tell about alerts: the regions they cover, the least severity they want, their
 * language, how to reach them, and their escalation tier (1 is told first; tier 2 when tier 1
 * does not acknowledge in time, and so on). Left out, {@code minSeverity} is minor and {@code tier} 1.
 */
public record Responder(String name, List<RegionSelector> regions, Severity minSeverity, Language language,
                        Channels channels, Integer tier) {

    /** How a responder is reached; at least one channel, each optional. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Channels(Contact.Webhook webhook, Contact.Email email, Contact.Sms sms) {

        public Channels {
            if (webhook == null && email == null && sms == null) {
                throw new IllegalArgumentException("channels must name at least one of webhook, email, sms");
            }
        }

        /** The contacts, webhook first, then e-mail, then SMS. */
        public List<Contact> contacts() {
            List<Contact> contacts = new ArrayList<>();
            if (webhook != null) {
                contacts.add(webhook);
            }
            if (email != null) {
                contacts.add(email);
            }
            if (sms != null) {
                contacts.add(sms);
            }
            return List.copyOf(contacts);
        }
    }

    public Responder {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name is required");
        }
        if (regions == null || regions.isEmpty()) {
            throw new IllegalArgumentException("regions must list at least one region, country or *");
        }
        if (regions.stream().anyMatch(Objects::isNull)) {
            throw new IllegalArgumentException("regions must not hold an empty entry: write *, a country code or a region");
        }
        regions = List.copyOf(regions);
        minSeverity = minSeverity == null ? Severity.MINOR : minSeverity;
        Objects.requireNonNull(language, "language is required (fr or en)");
        Objects.requireNonNull(channels, "channels are required");
        tier = tier == null ? 1 : tier;
        if (tier < 1) {
            throw new IllegalArgumentException("tier must be 1 or more, was " + tier);
        }
    }

    /** Whether this responder wants an alert of this severity in this region. */
    public boolean wants(String regionId, Severity severity) {
        return severity.compareTo(minSeverity) >= 0 && regions.stream().anyMatch(r -> r.covers(regionId));
    }
}
