package org.leadrouter.csv;

/** Cell references as a spreadsheet writes them ("C12", "AB3"): the column's position and the name of a cell. */
final class CellReferences {

    private CellReferences() {
    }

    /** The 0-based column of a reference such as "C12" or "AB3". */
    static int column(String reference) {
        int column = 0;
        for (int i = 0; i < reference.length(); i++) {
            char c = reference.charAt(i);
            if (c < 'A' || c > 'Z') {
                break;
            }
            column = column * 26 + (c - 'A' + 1);
            if (column > 1 << 20) {
                break; // past any sheet's last column: the collector ignores it
            }
        }
        return column - 1;
    }

    /** The name of the cell at a 1-based row and a 0-based column. */
    static String name(int row, int column) {
        return ColumnMap.letters(column) + row;
    }
}
