package io.recouvra.provisions;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.recouvra.provisions.ProvisionReport.CurrencyTotal;
import io.recouvra.provisions.ProvisionReport.Heading;
import io.recouvra.provisions.ProvisionReport.Total;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The report as JSON ({@link ProvisionReport}'s shape), written by the application's own mapper as the lines are
 * read: the heading's fields, {@code lines}, then {@code totals} and {@code currencies}, added up meanwhile. The
 * answer is opened (its headers set) only with the heading, so that a refused month is still a 400.
 */
final class ProvisionsJson implements ProvisionSheet {

    private final ObjectMapper mapper;
    /** The mapper's writer, flushing only at the end: flushing after each line would send each as a chunk of its own. */
    private final ObjectWriter writer;
    private final Supplier<OutputStream> opening;
    private JsonGenerator json;

    /** {@code opening}: the answer's body, asked for once, when the heading is written. */
    ProvisionsJson(ObjectMapper mapper, Supplier<OutputStream> opening) {
        this.mapper = mapper;
        this.writer = mapper.writer().without(SerializationFeature.FLUSH_AFTER_WRITE_VALUE);
        this.opening = opening;
    }

    @Override
    public void heading(Heading heading) {
        try {
            json = mapper.createGenerator(opening.get(), JsonEncoding.UTF8);
            json.writeStartObject();
            // through the mapper's tree, so that the heading's fields are written as the mapper writes any record
            Iterator<Map.Entry<String, JsonNode>> fields = mapper.valueToTree(heading).properties().iterator();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                json.writeFieldName(field.getKey());
                json.writeTree(field.getValue());
            }
            json.writeArrayFieldStart("lines");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void line(ProvisionLine line) {
        try {
            writer.writeValue(json, line);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void totals(List<Total> totals, List<CurrencyTotal> currencies) {
        try {
            json.writeEndArray();
            json.writeFieldName("totals");
            writer.writeValue(json, totals);
            json.writeFieldName("currencies");
            writer.writeValue(json, currencies);
            json.writeEndObject();
            json.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
