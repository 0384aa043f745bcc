/**
 * The organizers' application: today the home page; the console pages (under {@code /console/**}) and
 * organizer accounts come here.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Console", allowedDependencies = "platform")
package org.callout.console;
