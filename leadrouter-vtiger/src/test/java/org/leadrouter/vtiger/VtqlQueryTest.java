package org.leadrouter.vtiger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

/** VTQL is built from parts, with quotes and backslashes escaped the way VTiger (MySQL) reads them. */
class VtqlQueryTest {

    @Test
    void quoteIsDoubled() {
        assertThat(VtqlLiteral.quote("o'brien@example.com")).isEqualTo("'o''brien@example.com'");
    }

    @Test
    void backslashIsEscapedSoItCannotEatTheClosingQuote() {
        assertThat(VtqlLiteral.quote("evil\\")).isEqualTo("'evil\\\\'");
        assertThat(VtqlLiteral.quote("a\\' OR 1=1")).isEqualTo("'a\\\\'' OR 1=1'");
    }

    @Test
    void pagedQueryWithConditionsLeftToRight() {
        VtqlQuery q = VtqlQuery.select("id", "email").from("Leads")
                .where("email", "=", "x@y.es").or("secondaryemail", "=", "x@y.es").orderBy("id").build();
        assertThat(q.page(200, 100))
                .isEqualTo("SELECT id,email FROM Leads WHERE email = 'x@y.es' OR secondaryemail = 'x@y.es' ORDER BY id LIMIT 200,100;");
    }

    @Test
    void inListIsQuotedValueByValue() {
        VtqlQuery q = VtqlQuery.select("id").from("Contacts").in("id", List.of("12x1", "12x'2"), false).build();
        assertThat(q.toString()).isEqualTo("SELECT id FROM Contacts WHERE id IN ('12x1','12x''2');");
    }

    @Test
    void countStar() {
        assertThat(VtqlQuery.select("count(*)").from("Leads").build().toString()).isEqualTo("SELECT count(*) FROM Leads;");
    }

    @Test
    void namesAreNeverUserInput() {
        assertThatThrownBy(() -> VtqlQuery.select("id; DROP").from("Leads")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> VtqlQuery.select("id").from("Leads").where("email", "= 1 OR", "x"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void likePatternEscapesWildcards() {
        assertThat(VtqlLiteral.likeContaining("50%_off")).isEqualTo("%50\\%\\_off%");
    }
}
