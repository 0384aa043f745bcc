/**
 * Shared kernel every module may use (a shared module: declared on {@code CalloutApplication}): the
 * organization's identity, public URLs, secrets (admin token, link signing with rotation, address hashing),
 * typed-text and language rules, log masking, and the web edge (security chains, RFC 9457 problem details).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Platform", allowedDependencies = {})
package org.callout.platform;
