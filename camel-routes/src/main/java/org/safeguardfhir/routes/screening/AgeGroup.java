package org.safeguardfhir.routes.screening;

/**
 * Whether adult or child rules apply to the screened person, a code of CodeSystem age-group. {@link #CHILD} includes
 * a person whose age is in doubt, because child-protection duties apply until an age is established.
 */
public enum AgeGroup {
    ADULT("adult"),
    CHILD("child");

    private final String code;

    AgeGroup(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
