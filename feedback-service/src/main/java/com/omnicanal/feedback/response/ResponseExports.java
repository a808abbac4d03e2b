package com.omnicanal.feedback.response;

import com.omnicanal.feedback.comment.Themes;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * Comments beside their score, searchable (words, ignoring case and accents) and by theme; and a survey's responses
 * as CSV. Both read the responses of the survey (a scan on the embedded store: for analysis, not dashboards).
 */
@RestController
@PreAuthorize("hasAnyRole('supervisor', 'marketer', 'admin')")
class ResponseExports {

    private final MongoTemplate mongo;

    ResponseExports(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    record Comment(String id, Instant at, Integer score, String category, String channel, String storeId,
                   List<String> themes, String comment) {
    }

    @GetMapping("/api/feedback/surveys/{id}/comments")
    List<Comment> comments(@PathVariable String id, @RequestParam(required = false) String q,
                           @RequestParam(required = false) String theme, @RequestParam(defaultValue = "50") int limit) {
        Query byNewest = query(where("surveyId").is(id).and("comment").ne(null)).with(Sort.by(Sort.Direction.DESC, "at"));
        String words = q == null ? null : Themes.normal(q);
        return mongo.stream(byNewest, Response.class)
                .filter(r -> theme == null || (r.themes() != null && r.themes().contains(theme)))
                .filter(r -> words == null || Themes.normal(r.comment()).contains(words))
                .limit(Math.clamp(limit, 1, 500))
                .map(r -> new Comment(r.id(), r.at(), r.score(), r.category(), r.channel(), r.storeId(), r.themes(),
                        r.comment())).toList();
    }

    @GetMapping(value = "/api/feedback/surveys/{id}/responses.csv", produces = "text/csv")
    ResponseEntity<StreamingResponseBody> csv(@PathVariable String id,
                                              @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                              @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        Instant start = from == null ? Instant.EPOCH : from.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant end = to == null ? Instant.now().plusSeconds(1) : to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        Query period = query(where("surveyId").is(id).and("at").gte(start).lt(end)).with(Sort.by("at"));
        StreamingResponseBody body = out -> {
            PrintWriter csv = new PrintWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8));
            csv.print("id,at,version,kind,score,category,channel,agent,team,store,themes,comment\r\n");
            try (var responses = mongo.stream(period, Response.class)) {
                responses.forEach(r -> csv.print(String.join(",", cell(r.id()), cell(String.valueOf(r.at())),
                        cell(String.valueOf(r.version())), cell(r.kind()), cell(r.score() == null ? "" : r.score().toString()),
                        cell(r.category()), cell(r.channel()), cell(r.agentId()), cell(r.teamId()), cell(r.storeId()),
                        cell(r.themes() == null ? "" : String.join(" ", r.themes())), cell(r.comment())) + "\r\n"));
            }
            csv.flush();
        };
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + id + "-responses.csv\"").body(body);
    }

    /** RFC 4180 quoting; a cell a spreadsheet would run as a formula (= + - @) is prefixed with a quote. */
    static String cell(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String safe = "=+-@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        return safe.matches("[^,\"\r\n]*") ? safe : "\"" + safe.replace("\"", "\"\"") + "\"";
    }
}
