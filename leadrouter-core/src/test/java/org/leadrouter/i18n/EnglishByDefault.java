package org.leadrouter.i18n;

import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Every test starts with the sales team's texts in English, whatever an earlier test set (the language is a
 * setting of the process): most tests read the English texts, and the Spanish ones choose Spanish themselves.
 * Registered for all tests through JUnit's extension auto-detection.
 */
public final class EnglishByDefault implements BeforeEachCallback {
    @Override
    public void beforeEach(ExtensionContext context) {
        Messages.use(Language.EN);
    }
}
