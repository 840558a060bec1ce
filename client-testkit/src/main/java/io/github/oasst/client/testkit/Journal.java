package io.github.oasst.client.testkit;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Reads a fake backend's journal of requests from its WireMock server. */
final class Journal {
    private Journal() {}

    /** The requests received, oldest first. */
    static List<ReceivedRequest> received(WireMockServer server) {
        List<ServeEvent> events = new ArrayList<>(server.getAllServeEvents());
        Collections.reverse(events);
        List<ReceivedRequest> requests = new ArrayList<>(events.size());
        for (ServeEvent event : events) {
            requests.add(toReceived(event.getRequest()));
        }
        return requests;
    }

    /** How many requests to the path (without query) were received. */
    static long count(WireMockServer server, String path) {
        return server.getAllServeEvents().stream()
                .filter(event -> rawPath(event.getRequest()).equals(path))
                .count();
    }

    private static ReceivedRequest toReceived(LoggedRequest request) {
        URI uri = URI.create(request.getUrl());
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (HttpHeader header : request.getHeaders().all()) {
            headers.put(header.key().toLowerCase(Locale.ROOT), List.copyOf(header.values()));
        }
        return new ReceivedRequest(
                request.getMethod().getName(),
                uri.getRawPath(),
                uri.getRawQuery(),
                headers,
                request.getBody() == null ? "" : request.getBodyAsString());
    }

    private static String rawPath(LoggedRequest request) {
        return URI.create(request.getUrl()).getRawPath();
    }
}
