package org.tutorgraph.records.xapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;

/** The xAPI 1.0.3 statement schema of the tests (authored from the specification), with networknt's validator. */
final class XapiSchema {

    private static final JsonSchema SCHEMA = load();

    private XapiSchema() {
    }

    private static JsonSchema load() {
        try (InputStream in = XapiSchema.class.getResourceAsStream("xapi-statement-1.0.3.schema.json")) {
            if (in == null) throw new IllegalStateException("schema resource missing");
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The violations of {@code statement}, as readable lines; empty when it is valid. */
    static List<String> violations(JsonNode statement) {
        Set<ValidationMessage> errors = SCHEMA.validate(statement);
        return errors.stream().map(ValidationMessage::getMessage).sorted().toList();
    }
}
