package org.safeguardfhir.server.limits;

import java.io.ByteArrayInputStream;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads an XML body once, as a stream, for what FHIR's XML format forbids and HAPI's parser would take: a document type
 * declaration (and with it external entities), elements outside the FHIR namespace (an XInclude, a resource in no or
 * another namespace), text where FHIR puts a value attribute, and an encoding other than UTF-8. The narrative's XHTML
 * is left to HAPI's XHTML check.
 */
final class XmlBody {

    static final String FHIR_NAMESPACE = "http://hl7.org/fhir";
    private static final String XHTML_NAMESPACE = "http://www.w3.org/1999/xhtml";

    private static final XMLInputFactory XML = factory();

    private XmlBody() {}

    static boolean isXml(String contentType, byte[] body) {
        if (contentType != null && contentType.toLowerCase().contains("xml")) {
            return true;
        }
        for (byte b : body) {
            if (!Character.isWhitespace(b)) {
                return b == '<';
            }
        }
        return false;
    }

    /** What is wrong with the XML, or empty. */
    static Optional<String> problem(byte[] body) {
        XMLStreamReader reader = null;
        try {
            reader = XML.createXMLStreamReader(new ByteArrayInputStream(body));
            String encoding = reader.getCharacterEncodingScheme();
            if (encoding != null && !encoding.equalsIgnoreCase("UTF-8")) {
                return Optional.of(
                        "The request body declares the encoding " + ClientText.quote(encoding) + ": FHIR XML is UTF-8");
            }
            int xhtmlDepth = 0;
            while (reader.hasNext()) {
                int event = reader.next();
                switch (event) {
                    case XMLStreamConstants.DTD -> {
                        return Optional.of("The request body has a document type declaration, which FHIR XML does not"
                                + " allow" + at(reader));
                    }
                    case XMLStreamConstants.ENTITY_REFERENCE -> {
                        return Optional.of("The request body refers to an entity" + at(reader));
                    }
                    case XMLStreamConstants.START_ELEMENT -> {
                        String namespace = reader.getNamespaceURI();
                        if (xhtmlDepth > 0) {
                            xhtmlDepth++;
                        } else if (XHTML_NAMESPACE.equals(namespace)
                                && reader.getLocalName().equals("div")) {
                            xhtmlDepth = 1;
                        } else if (!FHIR_NAMESPACE.equals(namespace)) {
                            return Optional.of(
                                    "The request body has the element " + ClientText.quote(reader.getLocalName())
                                            + (namespace == null || namespace.isEmpty()
                                                    ? " in no namespace"
                                                    : " outside the FHIR namespace")
                                            + ": FHIR XML elements are in " + FHIR_NAMESPACE + at(reader));
                        }
                    }
                    case XMLStreamConstants.END_ELEMENT -> {
                        if (xhtmlDepth > 0) {
                            xhtmlDepth--;
                        }
                    }
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA -> {
                        if (xhtmlDepth == 0
                                && !reader.isWhiteSpace()
                                && !reader.getText().isBlank()) {
                            return Optional.of("The request body has text inside the element "
                                    + "where FHIR XML puts a value attribute" + at(reader));
                        }
                    }
                    default -> {}
                }
            }
            return Optional.empty();
        } catch (XMLStreamException e) {
            return Optional.of("The request body is not well-formed XML"
                    + (e.getLocation() == null
                            ? ""
                            : " (line " + e.getLocation().getLineNumber() + ", column "
                                    + e.getLocation().getColumnNumber() + ")"));
        } finally {
            close(reader);
        }
    }

    private static String at(XMLStreamReader reader) {
        var location = reader.getLocation();
        return " (line " + location.getLineNumber() + ", column " + location.getColumnNumber() + ")";
    }

    private static void close(XMLStreamReader reader) {
        if (reader != null) {
            try {
                reader.close();
            } catch (XMLStreamException ignored) {
                // Nothing was held but the bytes in memory.
            }
        }
    }

    private static XMLInputFactory factory() {
        // The JDK's own StAX parser, never one that happens to be on the class path, with nothing fetched or expanded:
        // the DTD is reported (and refused), not read.
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, false);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        return factory;
    }
}
