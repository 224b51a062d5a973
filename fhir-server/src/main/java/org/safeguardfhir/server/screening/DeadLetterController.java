package org.safeguardfhir.server.screening;

import java.util.List;
import org.safeguardfhir.routes.outbox.DeadLetter;
import org.safeguardfhir.routes.outbox.ScreeningOutbox;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Operators' view of screenings the pipeline could not process: list them with their last error, and replay one once
 * the cause is fixed. Entries carry ids and error text, never resource content.
 */
@RestController
@RequestMapping("/admin/pipeline/dead-letters")
class DeadLetterController {

    private final ScreeningOutbox outbox;

    DeadLetterController(ScreeningOutbox outbox) {
        this.outbox = outbox;
    }

    @GetMapping
    List<DeadLetter> list() {
        return outbox.deadLetters();
    }

    /** 202: back in the outbox and the workers woken; 404: no such dead letter (perhaps already replayed). */
    @PostMapping("/{id}/replay")
    ResponseEntity<Void> replay(@PathVariable long id) {
        return outbox.replay(id)
                ? ResponseEntity.accepted().build()
                : ResponseEntity.notFound().build();
    }
}
