package io.github.oasst.contract;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/** The published OpenAPI schemas of the OASST backend that the client is checked against. */
enum Schema {
    /** The backend the reference Python client was written for. */
    V2023_01("2023-01-06", "openapi-2023-01-06.json"),
    /** The last published backend schema. */
    V2023_05("2023-05-07", "openapi-2023-05-07.json");

    private final String date;
    private final String fileName;

    Schema(String date, String fileName) {
        this.date = date;
        this.fileName = fileName;
    }

    /** The schema's date, for example {@code 2023-01-06}. */
    String date() {
        return date;
    }

    /** The schema file, copied to the test classes by the build. */
    Path file() {
        URL url = Schema.class.getResource("/openapi/" + fileName);
        if (url == null) {
            throw new IllegalStateException("schema not on the test class path: /openapi/" + fileName);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("schema URL is not a file: " + url, e);
        }
    }

    /** Whether the schema has {@code POST /api/v1/tasks/availability} (servers from 2023-02 on). */
    boolean hasTaskAvailability() {
        return this != V2023_01;
    }

    @Override
    public String toString() {
        return "schema " + date;
    }
}
