/**
 * New York's legislators, with where each record came from, and who represents each subscriber: the
 * Census geocoder for a street address, the Census ZIP-area table, or districts an organizer set, with how
 * sure the answer is. Also the public "find your legislators" page, {@code /reps}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Legislators", allowedDependencies = { "platform", "subscribers" })
package org.callout.legislators;
