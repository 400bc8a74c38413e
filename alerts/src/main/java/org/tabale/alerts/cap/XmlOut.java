package org.tabale.alerts.cap;

import java.io.StringWriter;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * A thin indenting layer over the JDK's StAX writer: the writer escapes text and attributes,
 * this class only adds line breaks and two-space indents so a person can read the document.
 */
final class XmlOut {

    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

    private final XMLStreamWriter xml;
    private final StringWriter buffer;
    private int depth;

    private XmlOut(XMLStreamWriter xml, StringWriter buffer) {
        this.xml = xml;
        this.buffer = buffer;
    }

    /** A new UTF-8 document with its XML declaration. */
    static XmlOut document() {
        StringWriter buffer = new StringWriter();
        try {
            XMLStreamWriter xml = FACTORY.createXMLStreamWriter(buffer);
            xml.writeStartDocument("UTF-8", "1.0");
            return new XmlOut(xml, buffer);
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Opens an element; the first one of a document can declare its default namespace with {@link #namespace}. */
    XmlOut start(String name) {
        try {
            newLine();
            xml.writeStartElement(name);
            depth++;
            return this;
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Declares the default namespace on the element just opened. */
    XmlOut namespace(String uri) {
        try {
            xml.writeDefaultNamespace(uri);
            return this;
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Adds an attribute to the element just opened. */
    XmlOut attribute(String name, String value) {
        try {
            xml.writeAttribute(name, value);
            return this;
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Closes the innermost open element. */
    XmlOut end() {
        try {
            depth--;
            newLine();
            xml.writeEndElement();
            return this;
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An element holding only text. */
    XmlOut leaf(String name, String text) {
        try {
            newLine();
            xml.writeStartElement(name);
            xml.writeCharacters(text);
            xml.writeEndElement();
            return this;
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An empty element with attributes given as name, value pairs. */
    XmlOut empty(String name, String... attributes) {
        try {
            newLine();
            xml.writeEmptyElement(name);
            for (int i = 0; i + 1 < attributes.length; i += 2) {
                xml.writeAttribute(attributes[i], attributes[i + 1]);
            }
            return this;
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Ends the document and returns its text. */
    String finish() {
        try {
            xml.writeEndDocument();
            xml.close();
            return buffer + "\n";
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    private void newLine() throws XMLStreamException {
        xml.writeCharacters("\n" + "  ".repeat(depth));
    }
}
