package org.leadrouter.vtiger;

/**
 * A VTQL string literal. VTiger reads literals as MySQL does: a quote is doubled and the backslash is an
 * escape character, so both are escaped; an unescaped {@code \'} would end the literal early.
 */
public final class VtqlLiteral {
    private VtqlLiteral() {
    }

    /** {@code value} as a quoted VTQL literal. */
    public static String quote(String value) {
        StringBuilder out = new StringBuilder(value.length() + 2).append('\'');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\') {
                out.append("\\\\");
            } else if (c == '\'') {
                out.append("''");
            } else {
                out.append(c);
            }
        }
        return out.append('\'').toString();
    }

    /** {@code value} for use inside a LIKE pattern: {@code %} and {@code _} match themselves. */
    public static String likeContaining(String value) {
        String escaped = value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return "%" + escaped + "%";
    }
}
