package org.callout.platform.internal;

import org.callout.platform.EmailAddress;
import org.callout.platform.RequestRefusedException;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every refusal is an RFC 9457 problem detail: Spring MVC's own (malformed JSON, wrong method, unknown path:
 * 404, never 500) through the base class, and Callout's domain refusals here. Global on purpose: a wrong
 * method or a bad parameter is refused before any controller is chosen.
 */
@RestControllerAdvice
class ApiProblemHandler extends ResponseEntityExceptionHandler {

	@ExceptionHandler(EmailAddress.InvalidEmailAddressException.class)
	ProblemDetail invalidAddress(EmailAddress.InvalidEmailAddressException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
		problem.setTitle("Invalid email address");
		problem.setProperty("field", "email");
		return problem;
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(
			org.springframework.http.converter.HttpMessageNotReadableException ex, org.springframework.http.HttpHeaders headers,
			org.springframework.http.HttpStatusCode status, org.springframework.web.context.request.WebRequest request) {
		Throwable cause = ex;
		while (cause != null && !(cause instanceof RequestBodyLimitFilter.BodyTooLargeException)) {
			cause = cause.getCause();
		}
		if (cause != null) {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE, cause.getMessage());
			problem.setTitle("Content Too Large");
			return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).header("Connection", "close").body(problem);
		}
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"The body must be one JSON object (UTF-8) with the documented fields, each of the documented type.");
		problem.setTitle("Unreadable request body");
		return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
	}

	/** A query string with a malformed %-escape: the client's mistake, not a server error. */
	@ExceptionHandler(org.apache.tomcat.util.http.InvalidParameterException.class)
	ProblemDetail undecodableParameters(org.apache.tomcat.util.http.InvalidParameterException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"The query string could not be decoded: check its %-escapes.");
		problem.setTitle("Malformed query string");
		return problem;
	}

	@ExceptionHandler(RequestRefusedException.class)
	ResponseEntity<ProblemDetail> refused(RequestRefusedException ex) {
		return ResponseEntity.status(ex.problem().getStatus()).headers(ex.headers()).body(ex.problem());
	}

}
