package org.callout.platform;

/**
 * What a module holding personal data implements, so that one access request can show everything Callout holds
 * about a person and one erasure can remove it, without the module that answers them depending on every other
 * (a bean of a platform type creates no module dependency). Beans are ordered with {@code @Order}: an erasure runs
 * them in that order in one transaction, so a module whose rows refer to another's by foreign key comes first.
 */
public interface PersonalData {

	/** The name of this module's part of the access document, such as {@code deliveries}. */
	String section();

	/**
	 * What this module holds about the person, ready to be written as JSON; for a person it holds nothing, the
	 * same shape empty (an empty list, or null), so an unknown address answers a document of the same shape.
	 */
	Object describe(PersonRef person);

	/** Removes (or makes unreadable) everything of this module's that could identify the person. */
	void erase(PersonRef person);

}
