package org.callout.support;

import com.icegreen.greenmail.util.ServerSetup;

/**
 * The loopback port GreenMail listens on in this test JVM: free when chosen, so test runs on one machine
 * (or a developer's mail server on 3025) never collide.
 */
public final class TestSmtp {

	public static final int PORT = ServiceProcess.freePort();

	public static final ServerSetup SETUP = new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);

	private TestSmtp() {
	}

}
