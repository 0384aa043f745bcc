package org.callout.platform;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/** A refusal that carries the problem detail (RFC 9457) the client should see. */
public class RequestRefusedException extends RuntimeException {

	private final transient ProblemDetail problem;

	private final transient HttpHeaders headers;

	public RequestRefusedException(ProblemDetail problem) {
		this(problem, HttpHeaders.EMPTY);
	}

	public RequestRefusedException(ProblemDetail problem, HttpHeaders headers) {
		super(problem.getDetail());
		this.problem = problem;
		this.headers = headers;
	}

	public static RequestRefusedException of(HttpStatusCode status, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(title);
		return new RequestRefusedException(problem);
	}

	public ProblemDetail problem() {
		return problem;
	}

	public HttpHeaders headers() {
		return headers;
	}

}
