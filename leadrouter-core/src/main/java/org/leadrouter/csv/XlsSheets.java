package org.leadrouter.csv;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.hssf.OldExcelFormatException;
import org.apache.poi.hssf.eventusermodel.FormatTrackingHSSFListener;
import org.apache.poi.hssf.eventusermodel.HSSFEventFactory;
import org.apache.poi.hssf.eventusermodel.HSSFListener;
import org.apache.poi.hssf.eventusermodel.HSSFRequest;
import org.apache.poi.hssf.record.BOFRecord;
import org.apache.poi.hssf.record.BoolErrRecord;
import org.apache.poi.hssf.record.BoundSheetRecord;
import org.apache.poi.hssf.record.CellValueRecordInterface;
import org.apache.poi.hssf.record.EOFRecord;
import org.apache.poi.hssf.record.FormulaRecord;
import org.apache.poi.hssf.record.LabelRecord;
import org.apache.poi.hssf.record.LabelSSTRecord;
import org.apache.poi.hssf.record.NumberRecord;
import org.apache.poi.hssf.record.Record;
import org.apache.poi.hssf.record.SSTRecord;
import org.apache.poi.hssf.record.StringRecord;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.FormulaError;

/**
 * Streams the worksheets of a legacy Excel 97–2003 workbook (.xls) through Apache POI's HSSF event API: records go
 * past one by one and only the chosen sheet's rows are kept. Numbers are shown through their cell format and a
 * formula by its cached result, as Excel shows them.
 */
final class XlsSheets {

    private XlsSheets() {
    }

    /** As {@link XlsxSheets#read}: the first worksheet with a usable header, else the first non-empty one. */
    static SheetRows read(POIFSFileSystem fs, long maxRows, WorkbookLimits limits,
                          Predicate<List<String>> usableHeader) throws IOException, UnreadableFileException {
        Listener listener = new Listener(maxRows, limits, usableHeader);
        FormatTrackingHSSFListener formats = new FormatTrackingHSSFListener(listener);
        listener.formats = formats;
        HSSFRequest request = new HSSFRequest();
        request.addListenerForAllRecords(formats);
        try {
            new HSSFEventFactory().processWorkbookEvents(request, fs);
        } catch (EncryptedDocumentException e) {
            throw new UnreadableFileException(WorkbookTexts.encrypted());
        } catch (WorkbookRefusal refusal) {
            throw refusal.toException();
        } catch (OldExcelFormatException e) {
            throw new UnreadableFileException(WorkbookTexts.oldExcel());
        } catch (RuntimeException e) {
            throw new UnreadableFileException(WorkbookTexts.damaged(e), e);
        }
        listener.endSheet();
        if (listener.chosen != null) {
            return listener.chosen;
        }
        if (listener.worksheets == 0) {
            throw new UnreadableFileException(WorkbookTexts.noWorksheet());
        }
        if (listener.firstFilled == null) {
            throw new UnreadableFileException(WorkbookTexts.allSheetsEmpty());
        }
        return listener.firstFilled;
    }

    private static final class Listener implements HSSFListener {
        private final long maxRows;
        private final WorkbookLimits limits;
        private final Predicate<List<String>> usableHeader;
        private final CellText text = new CellText();
        private final List<BoundSheetRecord> bound = new ArrayList<>();
        FormatTrackingHSSFListener formats;
        private SSTRecord strings;
        private int sheetIndex = -1;
        int worksheets;
        private boolean inWorksheet;
        private SheetRows sheet;
        private RowCollector collector;
        private int currentRow = -1;
        private boolean decided;
        private FormulaRecord pendingString;
        SheetRows chosen;
        SheetRows firstFilled;

        Listener(long maxRows, WorkbookLimits limits, Predicate<List<String>> usableHeader) {
            this.maxRows = maxRows;
            this.limits = limits;
            this.usableHeader = usableHeader;
        }

        @Override
        public void processRecord(Record record) {
            switch (record.getSid()) {
                case BoundSheetRecord.sid -> bound.add((BoundSheetRecord) record);
                case SSTRecord.sid -> strings = (SSTRecord) record;
                case BOFRecord.sid -> startSection((BOFRecord) record);
                case EOFRecord.sid -> endSheet();
                case LabelSSTRecord.sid -> {
                    LabelSSTRecord r = (LabelSSTRecord) record;
                    cell(r, strings == null ? "" : strings.getString(r.getSSTIndex()).getString());
                }
                case LabelRecord.sid -> cell((LabelRecord) record, ((LabelRecord) record).getValue());
                case NumberRecord.sid -> {
                    NumberRecord r = (NumberRecord) record;
                    cell(r, text.formatRawCellContents(r.getValue(), formats.getFormatIndex(r),
                            formats.getFormatString(r)));
                }
                case BoolErrRecord.sid -> {
                    BoolErrRecord r = (BoolErrRecord) record;
                    cell(r, r.isBoolean() ? (r.getBooleanValue() ? "VERDADERO" : "FALSO")
                            : FormulaError.forInt(r.getErrorValue()).getString());
                }
                case FormulaRecord.sid -> formula((FormulaRecord) record);
                case StringRecord.sid -> {
                    if (pendingString != null) {
                        cell(pendingString, ((StringRecord) record).getString());
                        pendingString = null;
                    }
                }
                default -> { }
            }
        }

        private void startSection(BOFRecord bof) {
            if (bof.getType() == BOFRecord.TYPE_WORKBOOK) {
                return;
            }
            sheetIndex++;
            inWorksheet = bof.getType() == BOFRecord.TYPE_WORKSHEET && chosen == null;
            if (bof.getType() == BOFRecord.TYPE_WORKSHEET) {
                worksheets++;
            }
            if (inWorksheet) {
                sheet = new SheetRows(sheetName(sheetIndex), worksheets - 1, maxRows, limits);
                collector = new RowCollector(sheet, false);
                currentRow = -1;
                decided = false;
            }
        }

        private String sheetName(int index) {
            List<BoundSheetRecord> ordered = new ArrayList<>(bound);
            ordered.sort(Comparator.comparingInt(BoundSheetRecord::getPositionOfBof));
            return index < ordered.size() ? ordered.get(index).getSheetname() : "";
        }

        private void formula(FormulaRecord r) {
            CellType type = CellType.forInt(r.getCachedResultType());
            switch (type) {
                case STRING -> pendingString = r; // the text follows in a STRING record
                case NUMERIC -> cell(r, text.formatRawCellContents(r.getValue(), formats.getFormatIndex(r),
                        formats.getFormatString(r)));
                case BOOLEAN -> cell(r, r.getCachedBooleanValue() ? "VERDADERO" : "FALSO");
                case ERROR -> cell(r, FormulaError.forInt(r.getCachedErrorValue()).getString());
                default -> cell(r, "");
            }
        }

        private void cell(CellValueRecordInterface r, String value) {
            if (!inWorksheet || collector == null) {
                return;
            }
            if (r.getRow() != currentRow) {
                currentRow = r.getRow();
                collector.start(currentRow + 1);
                decide();
            }
            collector.cell(r.getColumn(), WorkbookTexts.shown(value));
        }

        /** Once the sheet's header row is complete: keep reading this sheet, or let it go. */
        private void decide() {
            if (decided || !sheet.hasHeader()) {
                return;
            }
            decided = true;
            if (usableHeader.test(sheet.header)) {
                chosen = sheet;
            } else {
                if (firstFilled == null) {
                    firstFilled = sheet;
                }
                inWorksheet = false;
            }
        }

        void endSheet() {
            if (inWorksheet && collector != null) {
                collector.end();
                decide();
            }
            inWorksheet = false;
            collector = null;
        }
    }
}
