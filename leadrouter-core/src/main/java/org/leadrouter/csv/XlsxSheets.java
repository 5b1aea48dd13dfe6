package org.leadrouter.csv;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.List;
import java.util.function.Predicate;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.xml.parsers.ParserConfigurationException;

import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFRelation;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * Streams the worksheets of an Excel 2007+ workbook (.xlsx, .xlsm) through Apache POI's SAX event API, so a sheet
 * of 100,000 rows is never held as a whole; the table of shared texts is held compactly and within the
 * {@link WorkbookLimits}, as are the sheet's cells.
 */
final class XlsxSheets {
    private static final String WORKSHEET_TYPE = "spreadsheetml.worksheet+xml";
    /** A workbook is opened whole to calculate formulas only when its sheets, unzipped, take at most this share of the heap. */
    private static final int HEAP_SHARE_FOR_FORMULAS = 32;

    private XlsxSheets() {
    }

    /**
     * The rows of the first worksheet whose first non-blank row passes {@code usableHeader}; when none does, the
     * first worksheet holding anything (its header row only), so that the caller can say what it found.
     */
    static SheetRows read(Path file, long maxRows, WorkbookLimits limits, long heapBytes,
                          Predicate<List<String>> usableHeader) throws IOException, UnreadableFileException {
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
            if (StrictOoxml.is(pkg)) {
                throw new UnreadableFileException(WorkbookTexts.strict());
            }
            XSSFReader reader = new XSSFReader(pkg);
            WorkbookSettings settings;
            try (InputStream in = reader.getWorkbookData()) {
                settings = WorkbookSettings.read(in);
            }
            SharedTexts strings = sharedTexts(pkg, limits);
            StylesTable styles = reader.getStylesTable();
            CellText text = new CellText(settings.date1904());
            try (FormulaCells formulas = new FormulaCells(file.toFile(), settings.recalculateOnOpen(),
                    worksheetsXmlBytes(file), heapBytes / HEAP_SHARE_FOR_FORMULAS, text)) {
                return firstUsableSheet(reader, new Parts(strings, styles, text, formulas, limits), maxRows,
                        usableHeader);
            }
        } catch (WorkbookRefusal refusal) {
            throw refusal.toException();
        } catch (IOException e) {
            if (String.valueOf(e.getMessage()).startsWith("Zip bomb detected")) {
                throw new UnreadableFileException(WorkbookTexts.inflatesTooMuch());
            }
            throw new UnreadableFileException(WorkbookTexts.damaged(e), e);
        } catch (OpenXML4JException | SAXException | ParserConfigurationException | RuntimeException e) {
            throw new UnreadableFileException(WorkbookTexts.damaged(e), e);
        }
    }

    /** What every sheet is read with. */
    private record Parts(SharedTexts strings, StylesTable styles, CellText text, FormulaCells formulas,
                         WorkbookLimits limits) {
    }

    private static SheetRows firstUsableSheet(XSSFReader reader, Parts parts, long maxRows,
                                              Predicate<List<String>> usableHeader)
            throws IOException, SAXException, ParserConfigurationException, OpenXML4JException,
            UnreadableFileException {
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
            SheetRows header = new SheetRows(name, worksheets - 1, maxRows, parts.limits());
            parse(part, name, parts, new RowCollector(header, true));
            if (!header.hasHeader()) {
                continue;
            }
            if (usableHeader.test(header.header)) {
                SheetRows rows = new SheetRows(name, worksheets - 1, maxRows, parts.limits());
                parse(part, name, parts, new RowCollector(rows, false));
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
    }

    private static SharedTexts sharedTexts(OPCPackage pkg, WorkbookLimits limits)
            throws IOException, SAXException, ParserConfigurationException, OpenXML4JException {
        List<PackagePart> parts = pkg.getPartsByContentType(XSSFRelation.SHARED_STRINGS.getContentType());
        if (parts.isEmpty()) {
            return new SharedTexts();
        }
        try (InputStream in = parts.get(0).getInputStream()) {
            return SharedTextsReader.read(in, limits);
        }
    }

    private static void parse(PackagePart part, String sheetName, Parts parts, RowCollector rows)
            throws IOException, SAXException, ParserConfigurationException {
        XMLReader xml = XMLHelper.newXMLReader();
        xml.setContentHandler(new SheetHandler(sheetName, parts.strings(), parts.styles(), parts.text(),
                parts.formulas(), parts.limits(), rows));
        try (InputStream in = part.getInputStream()) {
            xml.parse(new InputSource(in));
        } catch (RowCollector.HeaderSeen stop) {
            return;
        }
        rows.end();
    }

    /** The worksheets' size unzipped, as the archive's directory states it: what opening the workbook whole costs. */
    private static long worksheetsXmlBytes(Path file) {
        long total = 0;
        try (ZipFile zip = new ZipFile(file.toFile())) {
            for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements(); ) {
                ZipEntry entry = entries.nextElement();
                if (entry.getName().startsWith("xl/worksheets/")) {
                    total += Math.max(0, entry.getSize());
                }
            }
        } catch (IOException e) {
            return Long.MAX_VALUE;
        }
        return total;
    }
}
