package org.leadrouter.csv;

import java.io.IOException;
import java.io.InputStream;
import javax.xml.parsers.ParserConfigurationException;

import org.apache.poi.util.XMLHelper;
import org.leadrouter.i18n.Text;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Streams a workbook's table of shared texts ({@code xl/sharedStrings.xml}) into {@link SharedTexts}, counting
 * entries and characters against the {@link WorkbookLimits} as they pass: each entry is the text of its runs, without
 * the phonetic guides that Excel shows above East Asian names.
 */
final class SharedTextsReader extends DefaultHandler {
    private final WorkbookLimits limits;
    private final SharedTexts texts = new SharedTexts();
    private final BoundedText entry;
    private long chars;
    private int phonetic;

    private SharedTextsReader(WorkbookLimits limits) {
        this.limits = limits;
        this.entry = new BoundedText(limits.maxCellChars());
    }

    static SharedTexts read(InputStream in, WorkbookLimits limits)
            throws IOException, SAXException, ParserConfigurationException {
        SharedTextsReader handler = new SharedTextsReader(limits);
        XMLReader xml = XMLHelper.newXMLReader();
        xml.setContentHandler(handler);
        xml.parse(new InputSource(in));
        return handler.texts;
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes attributes) {
        switch (localName) {
            case "si" -> {
                if (texts.size() >= limits.maxSharedStrings()) {
                    throw new WorkbookRefusal(new Text("workbook.too-many-shared-texts", limits.maxSharedStrings()));
                }
                entry.start(() -> new Text("workbook.shared-text-too-long", texts.size() + 1L,
                        limits.maxCellChars()));
                entry.pause();
            }
            case "rPh" -> phonetic++;
            case "t" -> {
                if (phonetic == 0) {
                    entry.resume();
                }
            }
            default -> { }
        }
    }

    @Override
    public void endElement(String uri, String localName, String qName) {
        switch (localName) {
            case "t" -> entry.pause();
            case "rPh" -> phonetic--;
            case "si" -> {
                String text = entry.take();
                chars += text.length();
                if (chars > limits.maxText()) {
                    throw new WorkbookRefusal(new Text("workbook.too-much-text", limits.maxText()));
                }
                texts.add(text);
            }
            default -> { }
        }
    }

    @Override
    public void characters(char[] ch, int start, int length) {
        entry.append(ch, start, length);
    }
}
