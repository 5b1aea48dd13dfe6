package org.leadrouter.report;

/**
 * One line of the result report sent back to the sales team; a null cell is written empty.
 *
 * @param row    spreadsheet row of the lead in the input file
 * @param detail what happened to the lead, in plain words
 */
public record ReportRow(String nombre, String email, String telefono, String curso, String assignedToId,
                        String assignedToName, String leadId, String status, int row, String detail) {
}
