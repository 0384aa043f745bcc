/**
 * What organizers and visitors see first: the home page and the security that guards organizer APIs.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Console")
package org.callout.console;
