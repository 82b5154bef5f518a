package io.recouvra.receivables;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RegistrationNumbersTest {

    @ParameterizedTest
    @ValueSource(strings = {"732829320", "552100554", "356000000", "FR40303265045", "BE0403170701", "DE129273398"})
    void acceptsValidSirensAndVatNumbers(String number) {
        assertThat(RegistrationNumbers.problem(number)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"123456789", "FR41303265045", "FR40303265046", "12345", "ABC"})
    void refusesWrongCheckDigitsAndShapes(String number) {
        assertThat(RegistrationNumbers.problem(number)).isPresent();
    }

    @org.junit.jupiter.api.Test
    void normalizesWhatPeopleType() {
        assertThat(RegistrationNumbers.normalize(" 732 829 320 ")).isEqualTo("732829320");
        assertThat(RegistrationNumbers.normalize("fr 40-303.265.045")).isEqualTo("FR40303265045");
    }
}
