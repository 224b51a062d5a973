package org.safeguardfhir.server.safety;

import java.util.Optional;
import java.util.regex.Pattern;

/** A test as the hazard log names it: {@code module:fully.qualified.ClassName#methodName}. */
record TestReference(String module, String className, String method) {

    // The module must be a plain directory name, so a reference cannot point outside the repository.
    private static final Pattern FORM =
            Pattern.compile("([a-z][a-z0-9-]*):((?:[a-z_][a-z0-9_]*\\.)+[A-Z][A-Za-z0-9_]*)#([a-z_][A-Za-z0-9_]*)");

    static Optional<TestReference> parse(String text) {
        var matcher = FORM.matcher(text.strip());
        return matcher.matches()
                ? Optional.of(new TestReference(matcher.group(1), matcher.group(2), matcher.group(3)))
                : Optional.empty();
    }

    String simpleName() {
        return className.substring(className.lastIndexOf('.') + 1);
    }

    @Override
    public String toString() {
        return module + ":" + className + "#" + method;
    }
}
