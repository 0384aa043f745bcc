package org.callout.bills.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A local stand-in for Open Legislation API v3, answering in its documented shapes (envelope, update tokens,
 * bills with status, amendments, same-as and sponsors) from what a test sets, or failing as told.
 */
final class OpenLegServer implements AutoCloseable {

	enum Failure {

		NONE, UNAUTHORIZED, SERVER_ERROR, SLOW, MALFORMED

	}

	private final HttpServer server;

	private final Map<String, String> bills = new ConcurrentHashMap<>();

	private final List<String> updates = new CopyOnWriteArrayList<>();

	final List<String> requests = new CopyOnWriteArrayList<>();

	private volatile Failure failure = Failure.NONE;

	private final CountDownLatch never = new CountDownLatch(1);

	OpenLegServer() {
		try {
			server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		server.createContext("/api/3/bills/", this::handle);
		// A slow answer must not hold up the next request.
		server.setExecutor(Executors.newCachedThreadPool());
		server.start();
	}

	String baseUrl() {
		return "http://127.0.0.1:" + server.getAddress().getPort();
	}

	void failWith(Failure failure) {
		this.failure = failure;
	}

	/** The bill as Open Legislation would answer for {@code printNo} (base print, no amendment letter). */
	void bill(String basePrintNo, String activeVersion, String status, String actionDate, String committee, String sameAs,
			String sponsor, int sponsorDistrict) {
		String active = basePrintNo + activeVersion;
		String chamber = basePrintNo.startsWith("S") ? "SENATE" : "ASSEMBLY";
		bills.put(basePrintNo, """
				{"success":true,"message":"Data for bill %1$s-2021","responseType":"bill","result":{
				 "basePrintNo":"%1$s","session":2021,"basePrintNoStr":"%1$s-2021","printNo":"%2$s","activeVersion":"%3$s",
				 "billType":{"chamber":"%4$s","desc":"Senate","resolution":false},"title":"Enacts the New York for All Act","year":2021,
				 "sponsor":{"member":{"memberId":%8$d,"chamber":"%4$s","incumbent":true,"fullName":"%7$s","shortName":"%9$s",
				   "sessionYear":2021,"districtCode":%8$d,"alternate":false},"budget":false,"rules":false,"redistricting":false},
				 "summary":"...","signed":false,"adopted":false,"vetoed":false,
				 "status":{"statusType":"%5$s","statusDesc":"...","actionDate":"%6$s","committeeName":%10$s,"billCalNo":null},
				 "milestones":{"items":[],"size":0},
				 "amendments":{"items":{"%3$s":{"printNo":"%2$s","version":"%3$s","publishDate":"2021-01-28",
				   "sameAs":{"items":[{"basePrintNo":"%11$s","session":2021,"printNo":"%11$s","version":""}],"size":1},
				   "coSponsors":{"items":[{"memberId":900,"chamber":"%4$s","fullName":"Jessica Ramos","shortName":"RAMOS","districtCode":13}],"size":1},
				   "multiSponsors":{"items":[],"size":0}}},"size":1},
				 "previousVersions":{"items":[],"size":0}}}
				""".formatted(basePrintNo, active, activeVersion, chamber, status, actionDate, sponsor, sponsorDistrict,
				sponsor.substring(sponsor.lastIndexOf(' ') + 1).toUpperCase(), committee == null ? "null" : "\"" + committee + "\"",
				sameAs));
	}

	/** The updates feed lists these base prints (one page per print, to exercise paging). */
	void updates(String... basePrintNos) {
		updates.clear();
		updates.addAll(List.of(basePrintNos));
	}

	private void handle(HttpExchange exchange) throws IOException {
		String path = exchange.getRequestURI().getPath();
		String query = exchange.getRequestURI().getQuery();
		requests.add(path + "?" + query);
		switch (failure) {
			case UNAUTHORIZED -> {
				answer(exchange, 401, "{\"success\":false,\"message\":\"A valid API key is needed to fulfill this request.\","
						+ "\"responseType\":\"error\",\"errorCode\":701}");
				return;
			}
			case SERVER_ERROR -> {
				answer(exchange, 500, "<html>Internal Server Error</html>");
				return;
			}
			case SLOW -> {
				try {
					never.await(5, TimeUnit.SECONDS);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
				answer(exchange, 200, "{}");
				return;
			}
			case MALFORMED -> {
				answer(exchange, 200, "{\"success\":true,\"result\":{\"items\":[{\"id\":");
				return;
			}
			case NONE -> {
			}
		}
		if (path.startsWith("/api/3/bills/updates/")) {
			int offset = Integer.parseInt(param(query, "offset"));
			if (updates.isEmpty()) {
				answer(exchange, 200, "{\"success\":true,\"message\":\"\",\"responseType\":\"empty list\",\"total\":0,\"offsetStart\":0,"
						+ "\"offsetEnd\":0,\"limit\":50,\"result\":{\"items\":[],\"size\":0}}");
				return;
			}
			String print = updates.get(offset - 1);
			answer(exchange, 200, """
					{"success":true,"message":"","responseType":"update-token list","total":%d,"offsetStart":%d,"offsetEnd":%d,"limit":1,
					 "result":{"items":[{"id":{"basePrintNo":"%s","session":2021,"basePrintNoStr":"%s-2021"},"contentType":"BILL",
					   "sourceId":"2022-01-05-00.00.00.000000_LDSPON_%s","sourceDateTime":"2022-01-05T09:01:14.643609",
					   "processedDateTime":"2022-01-05T09:06:09.796845"}],"size":1}}
					""".formatted(updates.size(), offset, offset, print, print, print));
			return;
		}
		// Like Open Legislation, the amendment letter is ignored: S3076A answers with base bill S3076.
		String printNo = path.substring(path.lastIndexOf('/') + 1).replaceAll("(\\d)[A-Z]$", "$1");
		String bill = bills.get(printNo);
		if (bill == null) {
			answer(exchange, 404, "{\"success\":false,\"message\":\"No bill\",\"responseType\":\"error\",\"errorCode\":11,"
					+ "\"errorData\":{\"basePrintNo\":\"" + printNo + "\",\"session\":2021},\"errorDataType\":\"bill-id\"}");
			return;
		}
		answer(exchange, 200, bill);
	}

	private static String param(String query, String name) {
		for (String pair : query.split("&")) {
			if (pair.startsWith(name + "=")) {
				return pair.substring(name.length() + 1);
			}
		}
		throw new IllegalArgumentException(name + " missing from " + query);
	}

	private static void answer(HttpExchange exchange, int status, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	@Override
	public void close() {
		never.countDown();
		server.stop(0);
	}

}
