/**
 * Email composition, logic-less (Mustache) templates and transports: SMTP through Jakarta Mail (pooled,
 * TCP_NODELAY connections) or the local outbox of {@code .eml} files that the embedded default uses.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Mail", allowedDependencies = "platform")
package org.callout.mail;
