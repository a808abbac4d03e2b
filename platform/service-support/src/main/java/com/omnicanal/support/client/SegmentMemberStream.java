package com.omnicanal.support.client;

import org.springframework.web.client.RestClient;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A segment's members as profile-service streams them ({@code GET /api/segments/{id}/members}: NDJSON, one {@code
 * {"profileId":"…"}} per line, then {@code {"end":true,"members":N}}), read one at a time. A stream that ends before
 * its end line, or whose count disagrees with the lines read, is an {@link IOException}: a stream cut short (a
 * timeout, a restart) must never pass for a smaller segment.
 */
public final class SegmentMemberStream implements Closeable {

    private static final String MEMBER_START = "{\"profileId\":\"";
    private static final String MEMBER_END = "\"}";
    private static final Pattern END = Pattern.compile("\\{\"end\":true,\"members\":(\\d+)}");

    private final BufferedReader lines;
    private long members;
    private boolean ended;

    public SegmentMemberStream(InputStream body) {
        this.lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
    }

    /** Opens the segment's member stream on profile-service ({@code profiles}: a client of {@link ServiceClients}). */
    public static SegmentMemberStream open(RestClient profiles, String segmentId) {
        return new SegmentMemberStream(profiles.get().uri("/api/segments/{id}/members", segmentId)
                .exchange((request, response) -> response.getBody(), false));
    }

    /** The next member's profile id; null once the end line has been read. */
    public String next() throws IOException {
        if (ended) {
            return null;
        }
        for (String line; (line = lines.readLine()) != null; ) {
            if (line.isBlank()) {
                continue;
            }
            if (line.startsWith(MEMBER_START) && line.endsWith(MEMBER_END)
                    && line.length() > MEMBER_START.length() + MEMBER_END.length()) {
                members++;
                return line.substring(MEMBER_START.length(), line.length() - MEMBER_END.length());
            }
            Matcher end = END.matcher(line);
            if (!end.matches()) {
                throw new IOException("unreadable line in a segment's member stream after " + members + " members");
            }
            if (Long.parseLong(end.group(1)) != members) {
                throw new IOException("the member stream's end line counts " + end.group(1) + " members, "
                        + members + " were read");
            }
            ended = true;
            return null;
        }
        throw new IOException("the member stream ended after " + members + " members, before its end line");
    }

    /** Members read so far. */
    public long members() {
        return members;
    }

    @Override
    public void close() throws IOException {
        lines.close();
    }
}
