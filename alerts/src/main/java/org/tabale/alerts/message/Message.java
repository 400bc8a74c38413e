package org.tabale.alerts.message;

import java.util.Objects;

/** A rendered notification: a one-line title (e-mail subject, CAP headline) and a plain-text body. */
public record Message(String title, String body) {

    public Message {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(body, "body");
        if (title.contains("\n")) {
            throw new IllegalArgumentException("a title is one line: " + title);
        }
    }
}
