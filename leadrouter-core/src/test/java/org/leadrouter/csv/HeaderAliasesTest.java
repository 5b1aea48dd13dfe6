package org.leadrouter.csv;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Column headers are recognised whatever their case, accents, spacing and punctuation. */
class HeaderAliasesTest {

    @ParameterizedTest(name = "''{0}'' is {1}")
    @CsvSource(delimiter = '|', value = {
            "Nombre | NAME", "'  nombre completo ' | NAME", "Full Name | NAME", "NOMBRE Y APELLIDOS | NAME",
            "Email | EMAIL", "E-Mail | EMAIL", "e_mail | EMAIL", "Correo electrónico | EMAIL", "CORREO ELECTRONICO | EMAIL",
            "Mail | EMAIL",
            "Teléfono | PHONE", "'  TELEFONO ' | PHONE", "teléfono: | PHONE", "Móvil | PHONE", "movil | PHONE",
            "Tel. | PHONE", "Celular | PHONE", "Mobile | PHONE", "Phone | PHONE",
            "Curso Interesado | COURSE", "curso interesado | COURSE", "CursoInteresado | COURSE", "Curso | COURSE",
            "Course | COURSE", "Curso de interés | COURSE",
            "Fecha entrada | ENTRY_DATE", "fecha_entrada | ENTRY_DATE", "Fecha | ENTRY_DATE", "Date | ENTRY_DATE",
            "Fecha de entrada | ENTRY_DATE",
            "Origen del leads | SOURCE", "Origen | SOURCE", "Source | SOURCE", "Lead Source | SOURCE",
            "Fuente | SOURCE", "ORIGEN DEL LEAD | SOURCE"
    })
    void recognisesHeaders(String header, LeadColumn column) {
        assertThat(HeaderAliases.match(header)).contains(column);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Apellidos", "Fecha nacimiento", "Observaciones", "Teléfono 2", "Email del asesor",
            "Ciudad"})
    void otherHeadersAreNotGuessed(String header) {
        assertThat(HeaderAliases.match(header)).isEmpty();
    }
}
