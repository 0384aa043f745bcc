package org.callout.platform;

/**
 * The order of the web edge's security filter chains, most specific first: a request is handled by the first whose
 * matcher takes it. Platform declares the actuator, API and pages chains; the console module declares its own
 * session-based chain for {@code /console/**} at {@link #CONSOLE}, before the pages chain that would otherwise permit
 * everything.
 */
public final class SecurityChains {

	public static final int ACTUATOR = 0;

	public static final int API = 1;

	public static final int CONSOLE = 2;

	public static final int PAGES = 3;

	private SecurityChains() {
	}

}
