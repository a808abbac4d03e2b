package com.omnicanal.feedback.touchpoint;

import com.omnicanal.qr.QrImages;
import com.omnicanal.feedback.survey.Survey;
import com.omnicanal.feedback.survey.Surveys;
import com.omnicanal.support.security.Actor;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.util.List;

/** Staff create a QR touchpoint per store (or spot in it) for a survey, and download it as PNG, SVG or a PDF poster. */
@RestController
@PreAuthorize("hasAnyRole('supervisor', 'marketer', 'admin')")
class TouchpointController {

    private static final int QR_SIZE = 600; // pixels: sharp on an A4 print

    private final Touchpoints touchpoints;
    private final Surveys surveys;

    TouchpointController(Touchpoints touchpoints, Surveys surveys) {
        this.touchpoints = touchpoints;
        this.surveys = surveys;
    }

    record CreateTouchpoint(@NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9._-]+") String store,
                            @Size(max = 100) String name) {
    }

    record TouchpointView(String code, String surveyId, String store, String name, String url, String png, String svg,
                          String pdf) {
    }

    @PostMapping("/api/surveys/{id}/touchpoints")
    ResponseEntity<TouchpointView> create(@PathVariable String id, @Valid @RequestBody CreateTouchpoint request,
                                          Authentication caller) {
        Survey survey = surveys.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no such survey"));
        Touchpoint created = touchpoints.create(survey.id(), request.store(), request.name(), Actor.of(caller));
        return ResponseEntity.status(HttpStatus.CREATED).body(view(created));
    }

    @GetMapping("/api/surveys/{id}/touchpoints")
    List<TouchpointView> list(@PathVariable String id) {
        return touchpoints.ofSurvey(id).stream().map(this::view).toList();
    }

    @GetMapping(value = "/api/feedback/touchpoints/{code}/qr.png", produces = MediaType.IMAGE_PNG_VALUE)
    byte[] png(@PathVariable String code) {
        return QrImages.png(touchpoints.link(find(code)), QR_SIZE);
    }

    @GetMapping(value = "/api/feedback/touchpoints/{code}/qr.svg", produces = "image/svg+xml")
    byte[] svg(@PathVariable String code) {
        return QrImages.svg(touchpoints.link(find(code)));
    }

    @GetMapping(value = "/api/feedback/touchpoints/{code}/qr.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    byte[] pdf(@PathVariable String code) {
        Touchpoint touchpoint = find(code);
        String title = surveys.find(touchpoint.surveyId()).map(s -> s.definition().languages().values().iterator().next()
                .title()).orElse("");
        return QrPoster.pdf(title, touchpoint.name() == null ? touchpoint.storeId() : touchpoint.name(),
                touchpoints.link(touchpoint));
    }

    private Touchpoint find(String code) {
        return touchpoints.find(code).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no such touchpoint"));
    }

    private TouchpointView view(Touchpoint t) {
        String files = "/api/feedback/touchpoints/" + t.code() + "/qr.";
        return new TouchpointView(t.code(), t.surveyId(), t.storeId(), t.name(), touchpoints.link(t), files + "png",
                files + "svg", files + "pdf");
    }
}
