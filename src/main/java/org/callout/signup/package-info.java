/**
 * The public signup API and form, with double opt-in: a signup records consent and queues a confirmation
 * email; only the POST from the confirmation page confirms.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Signup")
package org.callout.signup;
