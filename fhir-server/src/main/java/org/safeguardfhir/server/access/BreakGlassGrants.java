package org.safeguardfhir.server.access;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.safeguardfhir.server.security.Caller;

/**
 * The break-glass grants in force: which caller may, for a while, see which patient's restricted records. Grants live
 * in this instance's memory: a restart or another instance knows none, and the clinician states the reason again.
 * That errs towards refusing; the audit trail and the lead's notification, which are durable, are written at once.
 */
public class BreakGlassGrants {

    private final Duration duration;
    private final Clock clock;
    private final Cache<String, Map<String, Instant>> grants;

    public BreakGlassGrants(Duration duration, Clock clock) {
        this.duration = duration;
        this.clock = clock;
        this.grants = Caffeine.newBuilder()
                .expireAfterAccess(duration.multipliedBy(2))
                .maximumSize(10_000)
                .build();
    }

    /** Grants access to one patient's restricted records; false if a grant for them was already in force. */
    public boolean grant(Caller caller, String patient) {
        var mine = grants.get(caller.subject(), subject -> new ConcurrentHashMap<>());
        var previous = mine.put(patient, clock.instant().plus(duration));
        return previous == null || previous.isBefore(clock.instant());
    }

    /** The patients (as {@code Patient/<id>}) whose restricted records the caller may see now. */
    public Set<String> patients(Caller caller) {
        var mine = grants.getIfPresent(caller.subject());
        if (mine == null) {
            return Set.of();
        }
        Instant now = clock.instant();
        return mine.entrySet().stream()
                .filter(grant -> grant.getValue().isAfter(now))
                .map(Map.Entry::getKey)
                .collect(Collectors.toUnmodifiableSet());
    }

    public Duration duration() {
        return duration;
    }
}
