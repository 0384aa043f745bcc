/**
 * Versioned consent terms (the exact words shown, per language, with the privacy policy version) and the
 * append-only consent ledger that proves, years later, what each person agreed to, when and how.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Consent", allowedDependencies = "platform")
package org.callout.consent;
