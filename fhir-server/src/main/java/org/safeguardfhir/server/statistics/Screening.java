package org.safeguardfhir.server.statistics;

import java.time.YearMonth;
import java.util.List;
import java.util.Set;

/** What the statistics need to know of one screening: nothing that names the patient. */
record Screening(
        YearMonth month,
        String ageBand,
        String region,
        boolean positive,
        Set<String> exploitationTypes,
        List<String> referralPathways) {}
