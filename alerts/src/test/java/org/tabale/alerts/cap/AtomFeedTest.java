package org.tabale.alerts.cap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tabale.alerts.cap.CapWriterTest.count;
import static org.tabale.alerts.cap.CapWriterTest.text;
import static org.tabale.alerts.cap.CapWriterTest.texts;

import java.time.Instant;
import java.util.List;
import javax.xml.xpath.XPathConstants;
import org.junit.jupiter.api.Test;
import org.tabale.alerts.message.Language;
import org.tabale.alerts.message.Messages;
import org.tabale.alerts.support.Alerts;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

class AtomFeedTest {

    private final AtomFeed feed = new AtomFeed(CapWriterTest.SETTINGS, CapWriterTest.WRITER,
            new Messages(CapWriterTest.SETTINGS.publicBase()));

    @Test
    void shouldListTheLatestMessageOfEachAlertNewestFirstLinkingToItsCap() throws Exception {
        Instant now = Instant.parse("2019-04-10T00:00:00Z");
        Document atom = CapSchema.parse(feed.write(List.of(Alerts.first(Alerts.tombouctou()), Alerts.update(Alerts.mopti())),
                Language.FR, List.of(Language.FR, Language.EN), now));

        assertThat(text(atom, "/atom:feed/atom:id")).isEqualTo("https://tabale.example.org/api/v1/alerts/feed");
        assertThat(text(atom, "/atom:feed/atom:updated")).isEqualTo("2019-04-10T00:00:00Z");
        assertThat(text(atom, "/atom:feed/atom:link[@rel='self']/@href")).isEqualTo("https://tabale.example.org/api/v1/alerts/feed");
        assertThat(text(atom, "/atom:feed/atom:author/atom:name")).isEqualTo("Tabalé");
        assertThat(texts(atom, "/atom:feed/atom:entry/atom:id")).containsExactly(
                "https://tabale.example.org/api/v1/alerts/0123456789abcdef",
                "https://tabale.example.org/api/v1/alerts/fedcba9876543210");
        assertThat(texts(atom, "/atom:feed/atom:entry/atom:updated")).containsExactly("2019-03-25T06:00:00Z", "2019-03-24T06:00:00Z");
        assertThat(text(atom, "/atom:feed/atom:entry[1]/atom:published")).isEqualTo("2019-03-24T06:00:00Z");
        assertThat(text(atom, "/atom:feed/atom:entry[1]/atom:title")).startsWith("Mise à jour, alerte sévère");
        assertThat(text(atom, "/atom:feed/atom:entry[1]/atom:link[@rel='alternate']/@href"))
                .isEqualTo("https://tabale.example.org/api/v1/alerts/0123456789abcdef/cap");
        assertThat(text(atom, "/atom:feed/atom:entry[1]/atom:link[@rel='alternate']/@type")).isEqualTo("application/cap+xml");
        assertThat(text(atom, "/atom:feed/atom:entry[1]/atom:content/cap:alert/cap:msgType")).isEqualTo("Update");
    }

    @Test
    void shouldCarryACapDocumentThatValidatesInEveryEntry() throws Exception {
        Document atom = CapSchema.parse(feed.write(List.of(Alerts.first(Alerts.menaka()), Alerts.resolved(Alerts.mopti())),
                Language.EN, List.of(Language.EN, Language.FR), Instant.parse("2019-04-10T00:00:00Z")));

        NodeList alerts = (NodeList) CapWriterTest.xpath().evaluate("//atom:entry/atom:content/cap:alert", atom, XPathConstants.NODESET);
        assertThat(alerts.getLength()).isEqualTo(2);
        for (int i = 0; i < alerts.getLength(); i++) {
            CapSchema.validate(alerts.item(i));
        }
        assertThat(count(atom, "//atom:entry/atom:summary")).isEqualTo(2);
    }

    @Test
    void shouldWriteAValidEmptyFeed() throws Exception {
        Document atom = CapSchema.parse(feed.write(List.of(), Language.EN, List.of(Language.EN), Instant.parse("2019-04-10T00:00:00Z")));

        assertThat(text(atom, "/atom:feed/atom:title")).isEqualTo("Tabalé: alerts");
        assertThat(count(atom, "/atom:feed/atom:entry")).isZero();
    }
}
