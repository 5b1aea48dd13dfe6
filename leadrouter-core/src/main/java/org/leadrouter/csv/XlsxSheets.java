package org.leadrouter.csv;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;
import javax.xml.parsers.ParserConfigurationException;

import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.SharedStrings;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * Streams the worksheets of an Excel 2007+ workbook (.xlsx, .xlsm) through Apache POI's SAX event API, so a sheet
 * of 100,000 rows is never held as a whole; only the shared-strings table is kept, read-only.
 */
final class XlsxSheets {
    private static final String WORKSHEET_TYPE = "spreadsheetml.worksheet+xml";

    private XlsxSheets() {
    }

    /**
     * The rows of the first worksheet whose first non-blank row passes {@code usableHeader}; when none does, the
     * first worksheet holding anything (its header row only), so that the caller can say what it found.
     */
    static SheetRows read(Path file, long maxRows, Predicate<List<String>> usableHeader)
            throws IOException, UnreadableFileException {
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
            XSSFReader reader = new XSSFReader(pkg);
            reader.setUseReadOnlySharedStringsTable(true);
            SharedStrings strings = reader.getSharedStringsTable();
            StylesTable styles = reader.getStylesTable();
            XSSFReader.SheetIterator sheets = reader.getSheetIterator();
            SheetRows firstFilled = null;
            int worksheets = 0;
            while (sheets.hasNext()) {
                sheets.next().close();
                PackagePart part = sheets.getSheetPart();
                if (!part.getContentType().endsWith(WORKSHEET_TYPE)) {
                    continue; // a chart sheet, an Excel 4 macro sheet or a dialog sheet holds no rows of data
                }
                worksheets++;
                String name = sheets.getSheetName();
                SheetRows header = new SheetRows(name, worksheets - 1, maxRows);
                parse(part, styles, strings, new RowCollector(header, true));
                if (!header.hasHeader()) {
                    continue;
                }
                if (usableHeader.test(header.header)) {
                    SheetRows rows = new SheetRows(name, worksheets - 1, maxRows);
                    parse(part, styles, strings, new RowCollector(rows, false));
                    return rows;
                }
                if (firstFilled == null) {
                    firstFilled = header;
                }
            }
            if (worksheets == 0) {
                throw new UnreadableFileException(WorkbookTexts.noWorksheet());
            }
            if (firstFilled == null) {
                throw new UnreadableFileException(WorkbookTexts.allSheetsEmpty());
            }
            return firstFilled;
        } catch (OpenXML4JException | SAXException | ParserConfigurationException | RuntimeException e) {
            throw new UnreadableFileException(WorkbookTexts.damaged(e));
        }
    }

    private static void parse(PackagePart part, StylesTable styles, SharedStrings strings, RowCollector rows)
            throws IOException, SAXException, ParserConfigurationException {
        XMLReader xml = XMLHelper.newXMLReader();
        xml.setContentHandler(new XSSFSheetXMLHandler(styles, null, strings, new Contents(rows), new CellText(),
                false));
        try (InputStream in = part.getInputStream()) {
            xml.parse(new InputSource(in));
        } catch (RowCollector.HeaderSeen stop) {
            return;
        }
        rows.end();
    }

    /** POI's callbacks turned into rows: the formatted value it gives is the formula's cached result. */
    private static final class Contents implements XSSFSheetXMLHandler.SheetContentsHandler {
        private final RowCollector rows;
        private int nextColumn;

        Contents(RowCollector rows) {
            this.rows = rows;
        }

        @Override
        public void startRow(int rowNum) {
            rows.start(rowNum + 1);
            nextColumn = 0;
        }

        @Override
        public void endRow(int rowNum) {
            rows.end();
        }

        @Override
        public void cell(String cellReference, String formattedValue, XSSFComment comment) {
            int column = cellReference == null ? nextColumn : column(cellReference);
            nextColumn = column + 1;
            rows.cell(column, WorkbookTexts.shown(formattedValue));
        }

        /** The 0-based column of a reference such as "C12" or "AB3". */
        private static int column(String reference) {
            int column = 0;
            for (int i = 0; i < reference.length(); i++) {
                char c = reference.charAt(i);
                if (c < 'A' || c > 'Z') {
                    break;
                }
                column = column * 26 + (c - 'A' + 1);
            }
            return column - 1;
        }
    }
}
