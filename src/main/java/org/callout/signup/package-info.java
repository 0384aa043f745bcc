/**
 * The public signup API and form, with double opt-in: a signup records consent and queues a confirmation
 * email; only the POST from the confirmation page confirms. Nothing here is used by other modules.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Signup",
		allowedDependencies = { "platform", "consent", "subscribers", "mail" })
package org.callout.signup;
