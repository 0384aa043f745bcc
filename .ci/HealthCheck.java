// The Docker HEALTHCHECK: exits 0 when Callout's actuator reports UP on $PORT, 1 otherwise.
// Compiled in the Dockerfile's build stage, since the JRE image has no curl, wget or javac.
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

public class HealthCheck {

	public static void main(String[] args) throws Exception {
		String port = System.getenv().getOrDefault("PORT", "8080");
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
			.timeout(Duration.ofSeconds(4))
			.build();
		HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
		System.exit(response.statusCode() == 200 && response.body().contains("\"UP\"") ? 0 : 1);
	}

}
