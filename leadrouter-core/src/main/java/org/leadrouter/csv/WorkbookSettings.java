package org.leadrouter.csv;

import java.io.IOException;
import java.io.InputStream;
import javax.xml.parsers.ParserConfigurationException;

import org.apache.poi.util.XMLHelper;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The two settings of a workbook ({@code xl/workbook.xml}) that change what its cells mean: dates counted from 1904
 * (old Mac workbooks), and a request to recalculate every formula when opened, which is how xlsxwriter says that
 * the results it saved (all 0) are placeholders.
 */
record WorkbookSettings(boolean date1904, boolean recalculateOnOpen) {

    static WorkbookSettings read(InputStream workbookXml) throws IOException, SAXException,
            ParserConfigurationException {
        boolean[] found = new boolean[2];
        XMLReader xml = XMLHelper.newXMLReader();
        xml.setContentHandler(new DefaultHandler() {
            @Override
            public void startElement(String uri, String localName, String qName, Attributes attributes)
                    throws SAXException {
                switch (localName) {
                    case "workbookPr" -> found[0] = isTrue(attributes.getValue("date1904"));
                    case "calcPr" -> found[1] = isTrue(attributes.getValue("fullCalcOnLoad"));
                    default -> { }
                }
            }
        });
        xml.parse(new InputSource(workbookXml));
        return new WorkbookSettings(found[0], found[1]);
    }

    private static boolean isTrue(String value) {
        return "1".equals(value) || "true".equalsIgnoreCase(value);
    }
}
