package org.leadrouter.sandbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.leadrouter.sandbox.VtqlToken.Kind;

/**
 * Parses VTiger's VTQL grammar: {@code SELECT cols|*|count(*) FROM Module [WHERE c {AND|OR} c]
 * [ORDER BY col{,col} [ASC|DESC]] [LIMIT [offset,]n];}. No parentheses around conditions, one
 * sort direction for the whole ORDER BY, mandatory semicolon, as in VTQL_Parser.y.
 */
final class VtqlParser {

    private static final Set<String> OPERATORS = Set.of("=", "!=", "<", ">", "<=", ">=");
    private static final Set<String> RESERVED = Set.of("and", "or", "order", "limit", "where", "from");

    private final VtqlLexer lexer;
    private VtqlToken current;

    private VtqlParser(String vtql) {
        this.lexer = new VtqlLexer(vtql);
        this.current = lexer.next();
    }

    static ParsedVtql parse(String vtql) {
        return new VtqlParser(vtql).statement();
    }

    private ParsedVtql statement() {
        expectWord("select", "SELECT");
        ParsedVtql.Selection selection;
        List<String> columns = new ArrayList<>();
        if (current.is(Kind.STAR)) {
            advance();
            selection = ParsedVtql.Selection.ALL;
        } else if (current.isWord("count")) {
            advance();
            expect(Kind.OPEN, "PARENOPEN");
            expect(Kind.STAR, "ASTERISK");
            expect(Kind.CLOSE, "PARENCLOSE");
            selection = ParsedVtql.Selection.COUNT;
        } else {
            selection = ParsedVtql.Selection.COLUMNS;
            columns.add(columnName());
            while (current.is(Kind.COMMA)) {
                advance();
                columns.add(columnName());
            }
        }
        expectWord("from", "FRM");
        if (!current.is(Kind.WORD)) {
            throw unexpected("TABLENAME");
        }
        String module = advance().text();

        List<ParsedVtql.Condition> conditions = new ArrayList<>();
        List<String> connectors = new ArrayList<>();
        if (current.isWord("where")) {
            advance();
            conditions.add(condition());
            while (current.isWord("and") || current.isWord("or")) {
                connectors.add(advance().text().toLowerCase(Locale.ROOT));
                conditions.add(condition());
            }
        }
        List<String> orderBy = new ArrayList<>();
        boolean descending = false;
        if (current.isWord("order")) {
            advance();
            expectWord("by", "ORDERBY");
            orderBy.add(columnName());
            while (current.is(Kind.COMMA)) {
                advance();
                orderBy.add(columnName());
            }
            if (current.isWord("asc") || current.isWord("desc")) {
                descending = advance().text().equalsIgnoreCase("desc");
            }
        }
        List<VtqlToken> limit = new ArrayList<>();
        if (current.isWord("limit")) {
            advance();
            limit.add(value());
            if (current.is(Kind.COMMA)) {
                advance();
                limit.add(value());
            }
        }
        expect(Kind.SEMICOLON, "SEMICOLON");
        if (!current.is(Kind.END)) {
            throw unexpected("End of Input");
        }
        return new ParsedVtql(selection, List.copyOf(columns), module, List.copyOf(conditions),
                List.copyOf(connectors), List.copyOf(orderBy), descending, List.copyOf(limit));
    }

    private ParsedVtql.Condition condition() {
        String field = columnName();
        String operator;
        if (current.is(Kind.OPERATOR) && OPERATORS.contains(current.text())) {
            operator = advance().text();
        } else if (current.isWord("in") || current.isWord("like")) {
            operator = advance().text().toLowerCase(Locale.ROOT);
        } else {
            throw unexpected("EQ,LT,GT,LTE,GTE,NE,IN,LIKE");
        }
        List<VtqlToken> values = new ArrayList<>();
        boolean parenthesized = current.is(Kind.OPEN);
        if (parenthesized) {
            advance();
        }
        values.add(value());
        while (current.is(Kind.COMMA)) {
            advance();
            values.add(value());
        }
        if (parenthesized) {
            expect(Kind.CLOSE, "PARENCLOSE");
        }
        return new ParsedVtql.Condition(field, operator, List.copyOf(values), parenthesized);
    }

    private String columnName() {
        if (!current.is(Kind.WORD) || RESERVED.contains(current.text().toLowerCase(Locale.ROOT))) {
            throw unexpected("COLUMNNAME");
        }
        return advance().text();
    }

    private VtqlToken value() {
        boolean plain = current.is(Kind.STRING) || current.is(Kind.NUMBER)
                || current.is(Kind.WORD) && !RESERVED.contains(current.text().toLowerCase(Locale.ROOT));
        if (!plain) {
            throw unexpected("VALUE");
        }
        return advance();
    }

    private void expectWord(String word, String tokenName) {
        if (!current.isWord(word)) {
            throw unexpected(tokenName);
        }
        advance();
    }

    private void expect(Kind kind, String tokenName) {
        if (!current.is(kind)) {
            throw unexpected(tokenName);
        }
        advance();
    }

    private VtqlToken advance() {
        VtqlToken taken = current;
        current = lexer.next();
        return taken;
    }

    /** Worded like the syntax errors of VTiger's lemon-generated parser. */
    private VtigerError unexpected(String expected) {
        String found = current.is(Kind.END) ? "End of Input" : current.text();
        return VtigerError.syntax("Syntax Error on line 1: token '" + current.text() + "' Unexpected "
                + found + ", expected one of: " + expected);
    }
}
