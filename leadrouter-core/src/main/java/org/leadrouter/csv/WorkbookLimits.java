package org.leadrouter.csv;

import org.leadrouter.config.InputLimits;

/**
 * How much of a workbook is read before it is refused: a zipped workbook of a few megabytes can hold far more text
 * and cells than the same bytes as a CSV, so its cells, its table of shared texts and each cell are counted as they
 * stream past, and the file is refused, naming the limit, before they can outgrow the heap.
 *
 * @param maxCellChars    the longest cell, in characters
 * @param maxCells        the filled cells read from the sheet of leads
 * @param maxSharedStrings the entries of the workbook's table of shared texts
 * @param maxText         the characters of the shared texts, and separately of the cells read from the sheet:
 *                        the largest CSV accepted, or a tenth of the heap if less
 */
public record WorkbookLimits(int maxCellChars, long maxCells, long maxSharedStrings, long maxText) {
    /** Excel's own limit: no cell it writes is longer, so a longer one was not written by a spreadsheet program. */
    public static final int EXCEL_CELL_CHARS = 32_767;
    /** Filled cells per row of leads, on average, that a workbook may have: lead files have 6 to 15 columns. */
    static final int CELLS_PER_ROW = 20;
    /**
     * Heap allowed per filled cell: one becomes a lead's value (its text object, its place in the row's map) while
     * the table of shared texts is held too; measured with the largest workbook these limits allow in a 256 MB heap.
     */
    static final long HEAP_PER_CELL = 400;
    /** The text of the shared texts, and separately of the sheet's cells, may take at most this share of the heap. */
    static final long HEAP_SHARE_FOR_TEXT = 10;
    /** Shared texts are kept as UTF-8 in one buffer whose offsets are ints; no heap makes this the binding limit. */
    private static final long MAX_BUFFER_TEXT = 600_000_000L;

    /** The limits for {@code limits} in a heap of {@code heapBytes}, with text bounded like a CSV's bytes. */
    static WorkbookLimits of(InputLimits limits, long heapBytes, long maxTextChars) {
        long cells = Math.min((long) limits.maxRows() * CELLS_PER_ROW, Math.max(1, heapBytes / HEAP_PER_CELL));
        long text = Math.min(Math.min(maxTextChars, Math.max(1, heapBytes / HEAP_SHARE_FOR_TEXT)), MAX_BUFFER_TEXT);
        return new WorkbookLimits(EXCEL_CELL_CHARS, cells, cells, text);
    }
}
