package org.callout.consent.internal;

/**
 * The name H2 databases created before the trigger moved to the platform still call for the consent ledger
 * (migration V4 stored it): the platform's trigger under its old name.
 */
public class AppendOnlyTrigger extends org.callout.platform.AppendOnlyTrigger {

	// The superclass is named in full: the two classes share their simple name on purpose.

}
