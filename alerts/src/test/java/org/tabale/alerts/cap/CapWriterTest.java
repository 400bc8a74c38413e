package org.tabale.alerts.cap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.tabale.alerts.lifecycle.Alert;
import org.tabale.alerts.lifecycle.AlertNotice;
import org.tabale.alerts.message.Language;
import org.tabale.alerts.message.Messages;
import org.tabale.alerts.rules.Severity;
import org.tabale.alerts.support.Alerts;
import org.tabale.model.Boundaries;
import org.tabale.model.Gazetteer;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

class CapWriterTest {

    static final Gazetteer GAZETTEER = Gazetteer.bundled();
    static final Boundaries BOUNDARIES = Boundaries.bundled(GAZETTEER);
    static final CapSettings SETTINGS = CapSettings.actual("tabale@example.org", "Tabalé",
            URI.create("https://tabale.example.org"));
    static final CapWriter WRITER = new CapWriter(SETTINGS, new Messages(SETTINGS.publicBase()), GAZETTEER, BOUNDARIES);
    private static final List<Language> BOTH = List.of(Language.FR, Language.EN);

    static Stream<Arguments> notices() {
        Alert kayes = Alerts.region("MLI.Kayes", "Mali", "Kayes", Severity.MINOR);
        Alert country = Alerts.region("MLI", "Mali", "", Severity.EXTREME);
        Alert reports = withBasis(Alerts.mopti(), Alert.Basis.UNVERIFIED_REPORTS);
        return Stream.of(Alerts.mopti(), Alerts.menaka(), Alerts.tombouctou(), kayes, country, reports,
                        Alerts.region("BFA.Sahel", "Burkina Faso", "Sahel", Severity.SEVERE),
                        Alerts.region("MLI.Sikasso", "Mali", "Sikasso", Severity.MODERATE))
                .flatMap(a -> Stream.of(Alerts.first(a), Alerts.update(a), Alerts.resolved(a)))
                .map(Arguments::of);
    }

    @ParameterizedTest
    @MethodSource("notices")
    void shouldValidateEveryDocumentAgainstTheOasisSchema(AlertNotice notice) throws Exception {
        CapSchema.validate(WRITER.write(notice, BOTH));
        CapSchema.validate(WRITER.write(notice, List.of(Language.EN)));
    }

    @Test
    void shouldWriteTheNewMoptiAlertWithOneInfoPerLanguage() throws Exception {
        Document cap = CapSchema.parse(WRITER.write(Alerts.first(Alerts.mopti()), BOTH));

        assertThat(text(cap, "/cap:alert/cap:identifier")).isEqualTo("0123456789abcdef.0");
        assertThat(text(cap, "/cap:alert/cap:sender")).isEqualTo("tabale@example.org");
        assertThat(text(cap, "/cap:alert/cap:sent")).isEqualTo("2019-03-24T06:00:00+00:00");
        assertThat(text(cap, "/cap:alert/cap:status")).isEqualTo("Actual");
        assertThat(text(cap, "/cap:alert/cap:msgType")).isEqualTo("Alert");
        assertThat(text(cap, "/cap:alert/cap:scope")).isEqualTo("Public");
        assertThat(count(cap, "/cap:alert/cap:references")).isZero();
        assertThat(text(cap, "/cap:alert/cap:incidents")).isEqualTo("0123456789abcdef");
        assertThat(texts(cap, "/cap:alert/cap:info/cap:language")).containsExactly("fr-FR", "en-US");
        assertThat(texts(cap, "/cap:alert/cap:info/cap:category")).containsExactly("Security", "Security");
        assertThat(texts(cap, "/cap:alert/cap:info/cap:event"))
                .containsExactly("Hausse des civils tués", "Surge in civilians killed");
        assertThat(texts(cap, "/cap:alert/cap:info/cap:urgency")).containsExactly("Immediate", "Immediate");
        assertThat(texts(cap, "/cap:alert/cap:info/cap:severity")).containsExactly("Severe", "Severe");
        assertThat(texts(cap, "/cap:alert/cap:info/cap:certainty")).containsExactly("Observed", "Observed");
        assertThat(text(cap, "/cap:alert/cap:info[1]/cap:headline")).isEqualTo("Alerte sévère : hausse des civils tués à Mopti (Mali)");
        assertThat(text(cap, "/cap:alert/cap:info[2]/cap:description"))
                .contains("Value: 157 (threshold 10, usual 4.5)").contains("MLI1234, MLI1235, MLI1240");
        assertThat(text(cap, "/cap:alert/cap:info[2]/cap:parameter[cap:valueName='tabale:evidence']/cap:value"))
                .isEqualTo("MLI1234 MLI1235 MLI1240");
        assertThat(text(cap, "/cap:alert/cap:info[2]/cap:parameter[cap:valueName='tabale:baseline']/cap:value")).isEqualTo("4.5");
        assertThat(text(cap, "/cap:alert/cap:info[1]/cap:area/cap:areaDesc")).isEqualTo("Mopti, Mali");
        assertThat(text(cap, "/cap:alert/cap:info[1]/cap:area/cap:geocode[cap:valueName='ISO3166-2']/cap:value")).isEqualTo("ML-5");
        assertThat(text(cap, "/cap:alert/cap:info[1]/cap:area/cap:geocode[cap:valueName='PCODE']/cap:value")).isEqualTo("ML05");
        assertThat(count(cap, "/cap:alert/cap:info[1]/cap:area/cap:polygon")).isEqualTo(1);
    }

    @Test
    void shouldReferToEveryEarlierMessageOfTheEpisodeInAnUpdate() throws Exception {
        Document cap = CapSchema.parse(WRITER.write(Alerts.resolved(Alerts.mopti()), BOTH));

        assertThat(text(cap, "/cap:alert/cap:identifier")).isEqualTo("0123456789abcdef.2");
        assertThat(text(cap, "/cap:alert/cap:msgType")).isEqualTo("Update");
        assertThat(text(cap, "/cap:alert/cap:references")).isEqualTo(
                "tabale@example.org,0123456789abcdef.0,2019-03-24T06:00:00+00:00 "
                        + "tabale@example.org,0123456789abcdef.1,2019-03-25T06:00:00+00:00");
        assertThat(texts(cap, "/cap:alert/cap:info/cap:responseType")).containsExactly("AllClear", "AllClear");
        assertThat(texts(cap, "/cap:alert/cap:info/cap:urgency")).containsExactly("Past", "Past");
    }

    @Test
    void shouldSayPossibleForUnverifiedCommunityReportsAndLikelyForVerifiedOnes() throws Exception {
        Document unverified = CapSchema.parse(WRITER.write(Alerts.first(withBasis(Alerts.mopti(), Alert.Basis.UNVERIFIED_REPORTS)), BOTH));
        Document verified = CapSchema.parse(WRITER.write(Alerts.first(withBasis(Alerts.mopti(), Alert.Basis.VERIFIED_REPORTS)), BOTH));

        assertThat(texts(unverified, "/cap:alert/cap:info/cap:certainty")).containsExactly("Possible", "Possible");
        assertThat(texts(verified, "/cap:alert/cap:info/cap:certainty")).containsExactly("Likely", "Likely");
    }

    @ParameterizedTest
    @ValueSource(strings = {"MINOR:Minor", "MODERATE:Moderate", "SEVERE:Severe", "EXTREME:Extreme"})
    void shouldMapRuleSeverityOntoCap(String pair) throws Exception {
        String[] parts = pair.split(":");
        Alert alert = Alerts.region("MLI.Gao", "Mali", "Gao", Severity.valueOf(parts[0]));

        Document cap = CapSchema.parse(WRITER.write(Alerts.first(alert), List.of(Language.FR)));

        assertThat(text(cap, "/cap:alert/cap:info/cap:severity")).isEqualTo(parts[1]);
        assertThat(text(cap, "/cap:alert/cap:info/cap:urgency")).as("a 30-day window").isEqualTo("Expected");
    }

    @Test
    void shouldBoundTheLargestPolygonAndKeepItClosedAsLatLonPairs() throws Exception {
        Document cap = CapSchema.parse(WRITER.write(Alerts.first(Alerts.region("MLI.Kayes", "Mali", "Kayes", Severity.MINOR)),
                List.of(Language.FR)));

        String polygon = text(cap, "/cap:alert/cap:info/cap:area/cap:polygon");
        String[] pairs = polygon.split(" ");
        List<Boundaries.Position> source = BOUNDARIES.outerRings("MLI.Kayes").get(0);
        assertThat(source).as("the source outline").hasSizeGreaterThan(4000);
        double minLat = source.stream().mapToDouble(Boundaries.Position::lat).min().orElseThrow() - 1e-4;
        double maxLat = source.stream().mapToDouble(Boundaries.Position::lat).max().orElseThrow() + 1e-4;
        double minLon = source.stream().mapToDouble(Boundaries.Position::lon).min().orElseThrow() - 1e-4;
        double maxLon = source.stream().mapToDouble(Boundaries.Position::lon).max().orElseThrow() + 1e-4;
        assertThat(maxLon).as("Kayes is west of 7°W, so lon and lat cannot be confused").isLessThan(0);
        assertThat(pairs).hasSizeBetween(CapSettings.DEFAULT_MAX_POINTS / 2, CapSettings.DEFAULT_MAX_POINTS);
        assertThat(pairs[0]).isEqualTo(pairs[pairs.length - 1]);
        assertThat(pairs).allSatisfy(pair -> {
            String[] latLon = pair.split(",");
            assertThat(Double.parseDouble(latLon[0])).isBetween(minLat, maxLat);
            assertThat(Double.parseDouble(latLon[1])).isBetween(minLon, maxLon);
        });
    }

    @Test
    void shouldGiveGeocodesButNoBorrowedPolygonWhereTheRegionHasNone() throws Exception {
        Document cap = CapSchema.parse(WRITER.write(Alerts.first(Alerts.menaka()), BOTH));

        assertThat(count(cap, "//cap:polygon")).isZero();
        assertThat(texts(cap, "/cap:alert/cap:info[1]/cap:area/cap:geocode/cap:value")).containsExactly("ML-9", "ML10");
        assertThat(text(cap, "/cap:alert/cap:info[1]/cap:area/cap:areaDesc")).isEqualTo("Ménaka, Mali");
    }

    @Test
    void shouldGiveACountryWideAlertItsIso3166Dash1Code() throws Exception {
        Document cap = CapSchema.parse(WRITER.write(Alerts.first(Alerts.region("MLI", "Mali", "", Severity.EXTREME)), BOTH));

        assertThat(text(cap, "/cap:alert/cap:info[1]/cap:area/cap:areaDesc")).isEqualTo("Mali");
        assertThat(text(cap, "/cap:alert/cap:info[1]/cap:area/cap:geocode[cap:valueName='ISO3166-1']/cap:value")).isEqualTo("MLI");
    }

    @Test
    void shouldBeRejectedByTheSchemaWhenARequiredElementIsMissing() {
        String withoutScope = WRITER.write(Alerts.first(Alerts.mopti()), BOTH).replace("<scope>Public</scope>", "");

        assertThatThrownBy(() -> CapSchema.validate(withoutScope)).isInstanceOf(SAXException.class).hasMessageContaining("scope");
    }

    @ParameterizedTest
    @ValueSource(strings = {"oasis-example-amber-alert.xml", "real-togo-rain-fr-unsigned.xml"})
    void shouldOrderElementsAsThePublishedExamplesDo(String example) throws Exception {
        String published = CapSchema.resource(example);
        CapSchema.validate(published);
        Document theirs = CapSchema.parse(published);
        Document ours = CapSchema.parse(WRITER.write(Alerts.update(Alerts.mopti()), BOTH));

        for (String path : List.of("/cap:alert", "/cap:alert/cap:info[1]", "/cap:alert/cap:info[1]/cap:area")) {
            List<String> theirOrder = childNames(theirs, path);
            List<String> ourOrder = childNames(ours, path);
            List<String> shared = new ArrayList<>(theirOrder.stream().distinct().filter(ourOrder::contains).toList());
            assertThat(shared).as("elements both use under " + path).isNotEmpty();
            assertThat(ourOrder.stream().distinct().filter(shared::contains).toList()).as(path).isEqualTo(shared);
        }
    }

    @Test
    void shouldFormatCapTimesWithAnOffsetNeverZ() {
        assertThat(CapWriter.time(Alerts.SENT)).isEqualTo("2019-03-24T06:00:00+00:00");
    }

    static Alert withBasis(Alert a, Alert.Basis basis) {
        return new Alert(a.id(), a.rule(), a.metric(), a.window(), a.region(), a.date(), a.state(), a.severity(), a.value(),
                a.threshold(), a.evidence(), a.raisedAt(), a.baseline(), basis);
    }

    private static List<String> childNames(Document doc, String path) throws Exception {
        Node parent = (Node) xpath().evaluate(path, doc, XPathConstants.NODE);
        List<String> names = new ArrayList<>();
        NodeList children = parent.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (children.item(i) instanceof Element e) {
                names.add(e.getLocalName());
            }
        }
        return names;
    }

    static String text(Node doc, String path) throws Exception {
        return (String) xpath().evaluate(path, doc, XPathConstants.STRING);
    }

    static List<String> texts(Node doc, String path) throws Exception {
        NodeList nodes = (NodeList) xpath().evaluate(path, doc, XPathConstants.NODESET);
        return Stream.iterate(0, i -> i + 1).limit(nodes.getLength()).map(i -> nodes.item(i).getTextContent()).toList();
    }

    static int count(Node doc, String path) throws Exception {
        return ((NodeList) xpath().evaluate(path, doc, XPathConstants.NODESET)).getLength();
    }

    static XPath xpath() {
        XPath xpath = XPathFactory.newInstance().newXPath();
        xpath.setNamespaceContext(new Namespaces());
        return xpath;
    }
}
