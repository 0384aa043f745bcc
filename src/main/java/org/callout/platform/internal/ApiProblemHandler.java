package org.callout.platform.internal;

import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import org.apache.tomcat.util.http.InvalidParameterException;
import org.callout.platform.EmailAddress;
import org.callout.platform.RequestRefusedException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every API refusal is an RFC 9457 problem detail: Spring MVC's own (malformed JSON, wrong method, unknown
 * path: 404, never 500) through the base class, and every {@link RequestRefusedException} a module throws.
 * Global on purpose: a wrong method or a bad parameter is refused before any controller is chosen.
 */
@RestControllerAdvice
class ApiProblemHandler extends ResponseEntityExceptionHandler {

	private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");

	private final RecordingAuditLog audit;

	private final CurrentActor actors;

	ApiProblemHandler(RecordingAuditLog audit, CurrentActor actors) {
		this.audit = audit;
		this.actors = actors;
	}

	@ExceptionHandler(RequestRefusedException.class)
	ResponseEntity<ProblemDetail> refused(RequestRefusedException ex, HttpServletRequest request) {
		// An organizer's write the service refused (a wrong field, the wrong state) is worth knowing about; a
		// supporter's refused signup is not an organizer action (and must not let the public fill the log).
		if (WRITES.contains(request.getMethod()) && request.getRequestURI().startsWith("/api/v1/")
				&& !CurrentActor.ANONYMOUS.equals(actors.name(request))) {
			audit.refused("refused", request.getMethod() + " " + request.getRequestURI(),
					ex.problem().getStatus() + " " + ex.problem().getTitle());
		}
		return ResponseEntity.status(ex.problem().getStatus()).headers(ex.headers()).body(ex.problem());
	}

	/** An address parsed without naming its field (controllers should use {@link EmailAddress#parseField}). */
	@ExceptionHandler(EmailAddress.InvalidEmailAddressException.class)
	ProblemDetail invalidAddress(EmailAddress.InvalidEmailAddressException ex) {
		return RequestRefusedException.problem(HttpStatus.BAD_REQUEST, "Invalid email address", ex.getMessage());
	}

	/** A query string with a malformed %-escape: the client's mistake, not a server error. */
	@ExceptionHandler(InvalidParameterException.class)
	ProblemDetail undecodableParameters(InvalidParameterException ex) {
		return RequestRefusedException.problem(HttpStatus.BAD_REQUEST, "Malformed query string",
				"The query string could not be decoded: check its %-escapes.");
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		Throwable cause = ex;
		while (cause != null && !(cause instanceof RequestBodyLimitFilter.BodyTooLargeException)) {
			cause = cause.getCause();
		}
		if (cause != null) {
			return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
				.header("Connection", "close")
				.body(RequestRefusedException.problem(HttpStatus.CONTENT_TOO_LARGE, "Content Too Large", cause.getMessage()));
		}
		ProblemDetail problem = RequestRefusedException.problem(HttpStatus.BAD_REQUEST, "Unreadable request body",
				"The body must be one JSON object (UTF-8) with the documented fields, each of the documented type.");
		return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
	}

}
