package org.leadrouter.csv;

import org.apache.poi.openxml4j.opc.OPCPackage;

/**
 * Recognises a workbook saved as "Strict Open XML Spreadsheet": the same package as an .xlsx but with the ISO
 * strict namespaces, which Apache POI does not read, so the team is told how to save it instead of a parser error.
 */
final class StrictOoxml {
    private static final String STRICT_DOCUMENT =
            "http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument";

    private StrictOoxml() {
    }

    static boolean is(OPCPackage pkg) {
        try {
            return !pkg.getRelationshipsByType(STRICT_DOCUMENT).isEmpty();
        } catch (RuntimeException e) {
            return false;
        }
    }
}
