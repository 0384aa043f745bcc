/**
 * Campaign emails: the logic-less (Mustache) templates organizers edit, in every language, with their versions;
 * the ask (whom each supporter should call, chamber- and sponsor-aware); the email for one supporter, its
 * preview and test send. Triggers and blasts come next.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Campaigns",
		allowedDependencies = { "platform", "subscribers", "legislators", "bills", "mail" })
package org.callout.campaigns;
