package com.omnicanal.conversation.webchat;

import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;

/** A ready web chat page (what a store's QR code opens): mobile-first, anonymous, live over SSE. */
@RestController
class WebchatPage {

    @GetMapping(value = "/api/channels/webchat/app", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<byte[]> page() throws IOException {
        return ResponseEntity.ok().contentType(MediaType.TEXT_HTML)
                .body(new ClassPathResource("webchat/app.html").getContentAsByteArray());
    }
}
