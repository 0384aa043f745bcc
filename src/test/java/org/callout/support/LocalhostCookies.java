package org.callout.support;

import java.io.IOException;
import java.net.CookieHandler;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * A cookie jar that treats http://localhost as a secure origin, as Chromium does: tests reach the service over
 * plain http on loopback while its public base URL is https, so its cookies are {@code Secure}, and
 * {@link CookieManager} alone would never send those back over http.
 */
public final class LocalhostCookies extends CookieHandler {

	private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ORIGINAL_SERVER);

	@Override
	public Map<String, List<String>> get(URI uri, Map<String, List<String>> requestHeaders) throws IOException {
		return cookies.get(secure(uri), requestHeaders);
	}

	@Override
	public void put(URI uri, Map<String, List<String>> responseHeaders) throws IOException {
		cookies.put(secure(uri), responseHeaders);
	}

	private static URI secure(URI uri) {
		if (!"http".equals(uri.getScheme()) || !"localhost".equals(uri.getHost())) {
			return uri;
		}
		return URI.create("https://" + uri.getRawAuthority() + (uri.getRawPath() == null ? "" : uri.getRawPath())
				+ (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
	}

}
