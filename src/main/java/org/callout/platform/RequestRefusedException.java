package org.callout.platform;

import java.util.List;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * The one way an API refuses a request: thrown anywhere, it becomes the RFC 9457 problem detail it carries
 * (the platform's web layer writes it, with its headers). Modules may extend it for refusals their pages also
 * handle, such as a signup's.
 */
public class RequestRefusedException extends RuntimeException {

	private final transient ProblemDetail problem;

	private final transient HttpHeaders headers = new HttpHeaders();

	public RequestRefusedException(ProblemDetail problem) {
		super(problem.getDetail());
		this.problem = problem;
	}

	protected RequestRefusedException(HttpStatusCode status, String title, String detail) {
		this(problem(status, title, detail));
	}

	public static RequestRefusedException of(HttpStatusCode status, String title, String detail) {
		return new RequestRefusedException(status, title, detail);
	}

	/** 400 with an {@code errors} list, one entry per field that is wrong. */
	public static RequestRefusedException invalidFields(String title, List<FieldError> errors) {
		return new RequestRefusedException(HttpStatus.BAD_REQUEST, title, "Some fields need attention.").with("errors",
				List.copyOf(errors));
	}

	/** 400 for one field that is wrong. */
	public static RequestRefusedException invalidField(String title, String field, String message) {
		return invalidFields(title, List.of(new FieldError(field, message)));
	}

	public static ProblemDetail problem(HttpStatusCode status, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(title);
		return problem;
	}

	/** Adds a property to the problem detail, such as the current terms a client should show. */
	public RequestRefusedException with(String property, Object value) {
		problem.setProperty(property, value);
		return this;
	}

	/** Adds a response header, such as {@code Retry-After}. */
	public RequestRefusedException header(String name, String value) {
		headers.set(name, value);
		return this;
	}

	public ProblemDetail problem() {
		return problem;
	}

	public HttpHeaders headers() {
		return headers;
	}

}
