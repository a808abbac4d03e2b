package com.omnicanal.conversation.sandbox;

import com.omnicanal.conversation.channel.Connectors;
import com.omnicanal.conversation.channel.CustomerSimulator;
import com.omnicanal.conversation.channel.CustomerSimulator.SimulatedRequest;
import com.omnicanal.conversation.channel.Interactive;
import com.omnicanal.conversation.channel.SandboxConnector;
import com.omnicanal.support.problem.InvalidRequestException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestClient;
import org.springframework.web.server.ResponseStatusException;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Sandbox mode for staff: play a customer writing on a channel, or the provider reporting a status — by sending our
 * own webhook exactly the signed request the provider would — tap a kept message's button or list row, and list the
 * outbound messages the sandbox kept.
 */
@RestController
@RequestMapping("/api/channels/sandbox")
@PreAuthorize("hasAnyRole('agent', 'supervisor', 'admin')")
class SandboxController {

    private final Map<String, CustomerSimulator> simulators;
    private final SandboxConnector sandbox;
    private final Connectors connectors;
    private final Environment environment;

    SandboxController(List<CustomerSimulator> simulators, SandboxConnector sandbox, Connectors connectors,
                      Environment environment) {
        this.simulators = simulators.stream().collect(Collectors.toMap(CustomerSimulator::channel, Function.identity()));
        this.sandbox = sandbox;
        this.connectors = connectors;
        this.environment = environment;
    }

    record CustomerMessage(@NotBlank @Size(max = 200) String from, @Size(max = 100) String name,
                           @NotBlank @Size(max = 4096) String text, Map<String, String> extra) {
    }

    record StatusReport(@NotBlank @Pattern(regexp = "sent|delivered|read|failed",
            message = "must be sent, delivered, read or failed") String status) {
    }

    record Tap(@NotBlank @Size(max = 256) String choice) {
    }

    record WebhookAnswer(int webhookStatus, String webhookPath, String webhookBody) {
    }

    @PostMapping("/{channel}/inbound")
    WebhookAnswer inbound(@PathVariable String channel, @Valid @RequestBody CustomerMessage message) {
        CustomerSimulator simulator = simulator(channel);
        return deliver(() -> simulator.inbound(message.from(), message.name(), message.text(),
                message.extra() == null ? Map.of() : message.extra()));
    }

    @GetMapping("/outbox")
    List<SandboxConnector.Kept> outbox(@RequestParam(required = false) String channel,
                                       @RequestParam(required = false) String to,
                                       @RequestParam(defaultValue = "50") int limit) {
        return sandbox.list(channel, to, Math.clamp(limit, 1, 500));
    }

    @PostMapping("/outbox/{providerMessageId}/status")
    WebhookAnswer status(@PathVariable String providerMessageId, @Valid @RequestBody StatusReport report) {
        SandboxConnector.Kept kept = sandbox.find(providerMessageId)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no such sandbox message"));
        CustomerSimulator simulator = simulator(kept.channel());
        return deliver(() -> simulator.status(providerMessageId, kept.to(), report.status()));
    }

    /** The customer taps one of a kept interactive message's choices (by id): the provider's webhook for it. */
    @PostMapping("/outbox/{providerMessageId}/tap")
    WebhookAnswer tap(@PathVariable String providerMessageId, @Valid @RequestBody Tap tap) {
        SandboxConnector.Kept kept = sandbox.find(providerMessageId)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no such sandbox message"));
        Interactive.Choice choice = (kept.interactive() == null ? List.<Interactive.Choice>of() : kept.interactive().choices())
                .stream().filter(c -> c.id().equals(tap.choice())).findFirst()
                .orElseThrow(() -> new InvalidRequestException("choice", "not a choice of message " + providerMessageId));
        CustomerSimulator simulator = simulator(kept.channel());
        return deliver(() -> simulator.tap(kept.to(), kept, choice));
    }

    private CustomerSimulator simulator(String channel) {
        CustomerSimulator simulator = simulators.get(channel);
        if (simulator == null || !connectors.isSandbox(channel)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no sandbox for channel " + channel);
        }
        return simulator;
    }

    private WebhookAnswer deliver(java.util.function.Supplier<SimulatedRequest> build) {
        SimulatedRequest request;
        try {
            request = build.get();
        } catch (UnsupportedOperationException | IllegalArgumentException unsupported) {
            throw new ResponseStatusException(HttpStatus.UNPROCESSABLE_CONTENT, unsupported.getMessage());
        }
        ResponseEntity<String> answer = RestClient.create("http://localhost:" + environment.getProperty("local.server.port"))
                .post().uri(request.path()).header("Content-Type", request.contentType())
                .headers(h -> request.headers().forEach(h::set)).body(request.body()).retrieve()
                .onStatus(s -> true, (req, res) -> { }).toEntity(String.class);
        return new WebhookAnswer(answer.getStatusCode().value(), request.path(), answer.getBody());
    }
}
