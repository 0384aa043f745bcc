/**
 * Shared kernel every module may use: the organization's identity, public URLs, secrets (admin token,
 * link signing with rotation, address hashing), log masking and RFC 9457 problem details.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Platform")
package org.callout.platform;
