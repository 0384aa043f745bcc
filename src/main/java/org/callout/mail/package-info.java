/**
 * Email composition and transports: SMTP through Jakarta Mail (pooled, TCP_NODELAY connections) or the
 * local outbox of {@code .eml} files that the embedded default uses.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Mail")
package org.callout.mail;
