package org.convergence.engine.output.export;

import java.io.Writer;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/** StAX helpers of the streamed XML exports: the JDK's {@link XMLStreamWriter} escapes text and attributes. */
final class Xml {

    static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";

    private Xml() {
    }

    /** @return a StAX writer on {@code out} */
    static XMLStreamWriter writer(Writer out) throws XMLStreamException {
        return XMLOutputFactory.newFactory().createXMLStreamWriter(out);
    }

    /** Ends a line, so that the files read line by line (one element per line). */
    static void newline(XMLStreamWriter xml) throws XMLStreamException {
        xml.writeCharacters("\n");
    }
}
