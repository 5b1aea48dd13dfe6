package org.leadrouter.lead;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Full names split into first and last name the Spanish way, always leaving the CRM a last name. */
class PersonNameTest {

    @ParameterizedTest(name = "''{0}'' → ''{1}'' / ''{2}''")
    @CsvSource(delimiter = '|', value = {
            "Madonna | '' | Madonna",
            "Juan Pérez | Juan | Pérez",
            "Juan Pérez García | Juan | Pérez García",
            "María José García López | María José | García López",
            "José Luis María Rodríguez Zapatero | José Luis María | Rodríguez Zapatero",
            "Juan de la Cruz | Juan | de la Cruz",
            "Pedro Sánchez de la Fuente | Pedro | Sánchez de la Fuente",
            "José Ortega y Gasset | José | Ortega y Gasset",
            "María de los Ángeles García López | María de los Ángeles | García López",
            "Ludwig van Beethoven | Ludwig | van Beethoven",
            "Juan San Martín | Juan | San Martín",
            "JUAN DE LA CRUZ | JUAN | DE LA CRUZ",
            "'  Juan \u00A0  Pérez\t ' | Juan | Pérez",
            "'García López, María José' | María José | García López",
            "Pedro de | '' | Pedro de",
            "'' | '' | ''"
    })
    void splitsTheSpanishWay(String full, String first, String last) {
        assertThat(PersonName.split(full)).isEqualTo(new PersonName(first, last));
    }

    @ParameterizedTest(name = "''{0}'' → ''{1}'' / ''{2}''")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "Ana \"La Rubia\" Gómez | Ana \"La Rubia\" | Gómez",
            "Ana (La Rubia) Gómez | Ana (La Rubia) | Gómez",
            "José (Pepe) García López | José (Pepe) | García López",
            "José Luis \"Pepelu\" García López | José Luis \"Pepelu\" | García López",
            "Ana «La Rubia» Gómez Ruiz | Ana «La Rubia» | Gómez Ruiz",
            "Ana “La Rubia” Gómez | Ana “La Rubia” | Gómez",
            "\"Pepe\" García López | \"Pepe\" García | López",
            "Ana (La Rubia Gómez | Ana (La | Rubia Gómez",
            "Ana 5\" Gómez | Ana | 5\" Gómez"
    })
    void aNicknameInQuotesOrParenthesesStaysWithTheFirstName(String full, String first, String last) {
        assertThat(PersonName.split(full)).isEqualTo(new PersonName(first, last));
    }
}
