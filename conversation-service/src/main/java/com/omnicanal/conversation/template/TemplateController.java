package com.omnicanal.conversation.template;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.util.List;
import java.util.Map;

/** Message templates and canned responses: staff read and preview them; supervisors, marketers and admins edit. */
@RestController
@PreAuthorize("hasAnyRole('agent', 'supervisor', 'marketer', 'admin')")
class TemplateController {

    private final Templates templates;

    TemplateController(Templates templates) {
        this.templates = templates;
    }

    record TemplateView(String name, TemplateDefinition definition) {
    }

    record PreviewRequest(String language, String channel, Map<String, String> variables, boolean asWhatsAppTemplate) {
    }

    @GetMapping("/api/templates")
    List<TemplateView> list(@RequestParam(required = false) String kind) {
        return templates.all().stream().filter(t -> kind == null || kind.equals(t.definition().kind()))
                .map(t -> new TemplateView(t.name(), t.definition())).toList();
    }

    @GetMapping("/api/templates/{name}")
    TemplateView get(@PathVariable String name) {
        return templates.find(name).map(d -> new TemplateView(name, d))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no such template"));
    }

    @PutMapping("/api/templates/{name:[a-z0-9][a-z0-9_-]{0,63}}")
    @PreAuthorize("hasAnyRole('supervisor', 'marketer', 'admin')")
    TemplateView put(@PathVariable String name, @RequestBody TemplateDefinition definition) {
        templates.save(name, definition);
        return new TemplateView(name, definition);
    }

    @DeleteMapping("/api/templates/{name}")
    @PreAuthorize("hasAnyRole('supervisor', 'marketer', 'admin')")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable String name) {
        templates.delete(name);
    }

    @PostMapping("/api/templates/{name}/preview")
    Templates.Rendered preview(@PathVariable String name, @RequestBody PreviewRequest request) {
        get(name);
        return templates.render(name, null, null, request.variables() == null ? Map.of() : request.variables(),
                request.language(), request.channel() == null ? "email" : request.channel(),
                request.asWhatsAppTemplate() ? "template" : "free-form");
    }
}
