package org.tabale.alerts.cap;

import java.util.Iterator;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.namespace.NamespaceContext;

/** The prefixes the tests' XPath expressions use: {@code cap} and {@code atom}. */
final class Namespaces implements NamespaceContext {

    @Override
    public String getNamespaceURI(String prefix) {
        return switch (prefix) {
            case "cap" -> CapWriter.NAMESPACE;
            case "atom" -> AtomFeed.NAMESPACE;
            default -> XMLConstants.NULL_NS_URI;
        };
    }

    @Override
    public String getPrefix(String uri) {
        return null;
    }

    @Override
    public Iterator<String> getPrefixes(String uri) {
        return List.<String>of().iterator();
    }
}
