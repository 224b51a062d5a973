/**
 * The value transformations behind the rule methods: keyed hashing, encryption, date shifting, generalisation and
 * perturbation. Each works on one value and knows nothing of rules or resources.
 */
package org.safeguardfhir.deidentification.method;
