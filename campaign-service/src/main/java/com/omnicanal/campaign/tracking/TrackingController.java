package com.omnicanal.campaign.tracking;

import com.omnicanal.support.security.Actor;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.bson.Document;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The public redirect of tracked links and QR codes ({@code /l/{code}}, no token: opaque codes, rate-limited at the
 * gateway), and the staff API that creates campaign QR codes, draws them and reads their scans by hour and place.
 */
@RestController
class TrackingController {

    private static final String VISITOR = "omni_v";

    private final Openings openings;
    private final QrCodes qr;
    private final SignedInScanners scanners;

    TrackingController(Openings openings, QrCodes qr, SignedInScanners scanners) {
        this.openings = openings;
        this.qr = qr;
        this.scanners = scanners;
    }

    /** Anyone may open it; a customer's app that sends their token ties the scan (and its cookie) to them. */
    @GetMapping("/l/{code}")
    ResponseEntity<Void> open(@PathVariable String code, @CookieValue(name = VISITOR, required = false) String visitor,
                              Authentication caller) {
        if (!code.matches("[0-9A-Za-z]{6,40}")) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no such link");
        }
        Openings.Opened opened = openings.open(code, visitor != null && visitor.matches("[0-9A-Za-z]{10,60}") ? visitor : null,
                        scanners.profileOf(caller).orElse(null))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no such link"));
        ResponseCookie cookie = ResponseCookie.from(VISITOR, opened.visitor()).path("/l").httpOnly(true).sameSite("Lax")
                .maxAge(Duration.ofDays(180)).build();
        return ResponseEntity.status(HttpStatus.FOUND).location(URI.create(opened.url()))
                .header(HttpHeaders.SET_COOKIE, cookie.toString()).header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }

    record NewQr(@NotBlank @Size(max = 100) String campaign, @NotBlank @Size(max = 120) String name,
                 @NotBlank @Size(max = 200) String place,
                 @NotBlank @Size(max = 2000) @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL") String url,
                 @Size(max = 100) String journeyId) {
    }

    @PostMapping("/api/campaigns/qr")
    @PreAuthorize("hasAnyRole('marketer', 'supervisor', 'admin')")
    ResponseEntity<Map<String, Object>> create(@Valid @RequestBody NewQr request, Authentication caller) {
        Document code = qr.create(request.campaign(), request.name(), request.place(), request.url(), request.journeyId(),
                Actor.of(caller));
        return ResponseEntity.status(HttpStatus.CREATED).body(view(code));
    }

    @GetMapping("/api/campaigns/qr/{code}")
    @PreAuthorize("hasAnyRole('marketer', 'supervisor', 'admin')")
    Map<String, Object> get(@PathVariable String code) {
        return view(qr.find(code).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no such QR code")));
    }

    @GetMapping(value = "/api/campaigns/qr", params = "campaign")
    @PreAuthorize("hasAnyRole('marketer', 'supervisor', 'admin')")
    List<Map<String, Object>> ofCampaign(@RequestParam String campaign) {
        return qr.ofCampaign(campaign).stream().map(this::view).toList();
    }

    @GetMapping(value = "/api/campaigns/qr/{code}/image.png", produces = MediaType.IMAGE_PNG_VALUE)
    @PreAuthorize("hasAnyRole('marketer', 'supervisor', 'admin')")
    byte[] png(@PathVariable String code, @RequestParam(defaultValue = "512") int size) {
        qr.find(code).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no such QR code"));
        return qr.png(code, Math.clamp(size, 128, 2048));
    }

    @GetMapping(value = "/api/campaigns/qr/{code}/image.svg", produces = "image/svg+xml")
    @PreAuthorize("hasAnyRole('marketer', 'supervisor', 'admin')")
    byte[] svg(@PathVariable String code) {
        qr.find(code).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no such QR code"));
        return qr.svg(code);
    }

    /** The code with its scans: total, by person known, by hour (UTC), conversions and revenue after a scan. */
    private Map<String, Object> view(Document d) {
        String code = d.getString("_id");
        return Map.ofEntries(Map.entry("code", code), Map.entry("campaign", d.getString("campaign")),
                Map.entry("name", d.getString("name")), Map.entry("place", d.getString("place")),
                Map.entry("url", d.getString("url")), Map.entry("link", qr.link(code)),
                Map.entry("png", "/api/campaigns/qr/" + code + "/image.png"),
                Map.entry("svg", "/api/campaigns/qr/" + code + "/image.svg"),
                Map.entry("scans", d.get("clicks", 0)), Map.entry("knownScans", d.get("knownClicks", 0)),
                Map.entry("byHour", d.get("hours", new Document())), Map.entry("conversions", d.get("conversions", 0)),
                Map.entry("revenue", d.get("revenueCents", Number.class) == null ? 0.0
                        : d.get("revenueCents", Number.class).longValue() / 100.0));
    }
}
