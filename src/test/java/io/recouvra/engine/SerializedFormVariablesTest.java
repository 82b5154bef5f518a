package io.recouvra.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.recouvra.support.FastTest;
import org.junit.jupiter.api.Test;

/** Form variables asked for serialized: a JSON object variable the engine still held deserialized becomes its text again. */
@FastTest
class SerializedFormVariablesTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void aListWrittenInTheSameCommandIsSentAsTheJsonTextTasklistParses() throws Exception {
        // as engine-rest answered for a call sheet refreshed while Tasklist opened the form
        ObjectNode variables = (ObjectNode) json.readTree("""
                {"openDisputes": {"type": "Object", "value": [], "valueInfo": {"serializationDataFormat": "application/json"}},
                 "contacts": {"type": "Object", "value": [{"name": "Compta"}], "valueInfo": {"serializationDataFormat": "application/json"}},
                 "promises": {"type": "Object", "value": "[]", "valueInfo": {"serializationDataFormat": "application/json"}},
                 "riskClass": {"type": "String", "value": "B", "valueInfo": {}},
                 "callTries": {"type": "Integer", "value": 3, "valueInfo": {}}}""");

        assertThat(SerializedFormVariables.serialize(variables, json)).isTrue();

        assertThat(variables.at("/openDisputes/value").asText()).isEqualTo("[]");
        assertThat(variables.at("/contacts/value").asText()).isEqualTo("[{\"name\":\"Compta\"}]");
        assertThat(variables.at("/promises/value").asText()).as("already text").isEqualTo("[]");
        assertThat(variables.at("/riskClass/value").asText()).isEqualTo("B");
        assertThat(variables.at("/callTries/value").isInt()).as("other types untouched").isTrue();
    }

    @Test
    void answersAlreadySerializedAreLeftAlone() throws Exception {
        ObjectNode variables = (ObjectNode) json.readTree("""
                {"promises": {"type": "Object", "value": "[]", "valueInfo": {"serializationDataFormat": "application/json"}}}""");

        assertThat(SerializedFormVariables.serialize(variables, json)).isFalse();
    }
}
