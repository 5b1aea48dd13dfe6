package org.leadrouter.csv;

/** Recognises files that are not text at all, so the user hears "this is an Excel workbook" rather than gibberish. */
final class BinarySniffer {

    private static final int SNIFF_LENGTH = 1024;
    private static final String SAVE_AS_CSV = "open it in Excel and use File › Save As › CSV UTF-8, "
            + "then drop the CSV file instead";

    private BinarySniffer() {
    }

    static void reject(byte[] bytes) throws UnreadableFileException {
        if (DecodedText.startsWith(bytes, 'P', 'K', 3, 4)) {
            throw new UnreadableFileException("this is an Excel workbook (.xlsx) or another zipped file, not a CSV: "
                    + SAVE_AS_CSV);
        }
        if (DecodedText.startsWith(bytes, 0xD0, 0xCF, 0x11, 0xE0)) {
            throw new UnreadableFileException("this is an old-format Excel workbook (.xls), not a CSV: "
                    + SAVE_AS_CSV);
        }
        if (DecodedText.startsWith(bytes, '%', 'P', 'D', 'F')) {
            throw new UnreadableFileException("this is a PDF document, not a CSV: export the leads as CSV "
                    + "from the program or portal they came from");
        }
        int end = Math.min(bytes.length, SNIFF_LENGTH);
        for (int i = 0; i < end; i++) {
            if (bytes[i] == 0) {
                throw new UnreadableFileException("this is not a text file (it contains binary data), so it is "
                        + "not a CSV: if it is a spreadsheet, " + SAVE_AS_CSV);
            }
        }
    }
}
