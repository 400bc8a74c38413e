package org.tabale.alerts.cap;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/** The OASIS CAP 1.2 schema (a verbatim copy, see NOTICE) and namespace-aware parsing for the tests. */
public final class CapSchema {

    private static final Schema SCHEMA = load();

    private CapSchema() {
    }

    /** Validates a CAP document; throws with the schema's complaint when it is not valid. */
    public static void validate(String xml) throws SAXException, IOException {
        SCHEMA.newValidator().validate(new StreamSource(new StringReader(xml)));
    }

    /** Validates a CAP {@code <alert>} element inside another document (an Atom entry). */
    public static void validate(Node alert) throws SAXException, IOException {
        SCHEMA.newValidator().validate(new DOMSource(alert));
    }

    public static Document parse(String xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            return factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
        } catch (Exception e) {
            throw new IllegalStateException("not well-formed XML: " + e.getMessage(), e);
        }
    }

    static String resource(String name) {
        try (InputStream in = CapSchema.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Schema load() {
        try {
            SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            return factory.newSchema(CapSchema.class.getResource("CAP-v1.2.xsd"));
        } catch (SAXException e) {
            throw new IllegalStateException(e);
        }
    }
}
