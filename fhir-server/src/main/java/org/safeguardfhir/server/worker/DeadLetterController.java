package org.safeguardfhir.server.worker;

import java.time.Instant;
import java.util.List;
import org.safeguardfhir.work.DeadLetters;
import org.safeguardfhir.work.DurableWork;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Operators' view of durable work given up, for every kind (screening-referral, audit-record, …): list a kind's dead
 * letters with their last error, and replay one once the cause is fixed. The listing carries ids, attempts and error
 * text, never the work's text, which can be a whole resource.
 */
@RestController
@RequestMapping("/admin/work/{kind}/dead-letters")
class DeadLetterController {

    /** One dead letter as an operator sees it. */
    record Entry(String id, int attempts, String error, Instant deadLetteredAt) {}

    private final DurableWork work;
    private final DeadLetters deadLetters;

    DeadLetterController(DurableWork work, DeadLetters deadLetters) {
        this.work = work;
        this.deadLetters = deadLetters;
    }

    /** 404 for a kind this server does not have. */
    @GetMapping
    ResponseEntity<List<Entry>> list(@PathVariable String kind) {
        if (!work.has(kind)) {
            return ResponseEntity.notFound().build();
        }
        return ResponseEntity.ok(deadLetters.of(kind).stream()
                .map(letter -> new Entry(letter.id(), letter.attempts(), letter.error(), letter.deadLetteredAt()))
                .toList());
    }

    /** 202: back as new work with fresh attempts, the scheduler woken; 404: no such dead letter (perhaps replayed). */
    @PostMapping("/{id}/replay")
    ResponseEntity<Void> replay(@PathVariable String kind, @PathVariable String id) {
        return work.replay(kind, id)
                ? ResponseEntity.accepted().build()
                : ResponseEntity.notFound().build();
    }
}
