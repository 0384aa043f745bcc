package org.callout.support;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One browser's view of the console over real HTTP: keeps its cookies by name (so a test can look at their
 * attributes, or replay an old one), follows no redirects, and posts forms with the CSRF field of the last page.
 */
public final class ConsoleClient {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	public static final String SESSION_COOKIE = "callout_console";

	public static final String CSRF_COOKIE = "CALLOUT-CONSOLE-XSRF";

	private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	private final String base;

	public final Map<String, String> cookies = new LinkedHashMap<>();

	/** The Set-Cookie lines of the last answer. */
	public List<String> setCookies = List.of();

	/** The CSRF field of the last page that had a form. */
	public String csrf;

	public ConsoleClient(String base) {
		this.base = base;
	}

	public HttpResponse<String> get(String path) throws Exception {
		return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
	}

	public HttpResponse<String> post(String path, Map<String, String> fields) throws Exception {
		String form = fields.entrySet()
			.stream()
			.map(field -> field.getKey() + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		return send(HttpRequest.newBuilder(URI.create(base + path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form)));
	}

	/** Opens the sign-in page and signs in with it. */
	public HttpResponse<String> signIn(String username, String password) throws Exception {
		get("/console/login");
		return post("/console/login", Map.of("username", username, "password", password, "_csrf", csrf));
	}

	public HttpResponse<String> signOut() throws Exception {
		return post("/console/logout", Map.of("_csrf", csrf));
	}

	public String session() {
		return cookies.get(SESSION_COOKIE);
	}

	/** The whole Set-Cookie line that set this cookie in the last answer. */
	public String setCookie(String name) {
		return setCookies.stream().filter(line -> line.startsWith(name + "=")).findFirst().orElse(null);
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
		request.header("Accept", "text/html,application/xhtml+xml");
		if (!cookies.isEmpty()) {
			request.header("Cookie", cookies.entrySet().stream().map(c -> c.getKey() + "=" + c.getValue()).collect(Collectors.joining("; ")));
		}
		HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		setCookies = response.headers().allValues("Set-Cookie");
		for (String line : setCookies) {
			String pair = line.split(";", 2)[0];
			String name = pair.substring(0, pair.indexOf('='));
			String value = pair.substring(pair.indexOf('=') + 1);
			boolean gone = value.isEmpty() || line.toLowerCase().contains("max-age=0");
			if (gone) {
				cookies.remove(name);
			}
			else {
				cookies.put(name, value);
			}
		}
		Matcher token = CSRF.matcher(response.body());
		if (token.find()) {
			csrf = token.group(1);
		}
		return response;
	}

}
