package org.callout.platform.internal;

import jakarta.servlet.http.HttpServletRequest;
import org.callout.platform.AuditLog;
import org.callout.platform.ConsolePage;
import org.callout.platform.RequestRefusedException;

import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * Console pages' uncaught refusals as pages: ahead of the global {@link ApiProblemHandler}, which would answer a
 * person's browser with {@code application/problem+json}. A refused change is audited as the API's are.
 */
@ControllerAdvice(annotations = ConsolePage.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ConsolePageErrors {

	private final AuditLog audit;

	ConsolePageErrors(AuditLog audit) {
		this.audit = audit;
	}

	@ExceptionHandler(RequestRefusedException.class)
	ModelAndView refused(RequestRefusedException refused, HttpServletRequest request) {
		if (!"GET".equals(request.getMethod()) && request.getAttribute(RecordingAuditLog.RECORDED) == null) {
			audit.refused("refused", request.getMethod() + " " + request.getRequestURI(), refused.problem().getTitle());
		}
		return page(HttpStatus.valueOf(refused.problem().getStatus()));
	}

	@ExceptionHandler(ErrorResponseException.class)
	ModelAndView status(ErrorResponseException error) {
		return page(HttpStatus.valueOf(error.getStatusCode().value()));
	}

	/** A page's own role check (a stale form forwarded back skips the chain's). */
	@ExceptionHandler(org.springframework.security.access.AccessDeniedException.class)
	ModelAndView denied(HttpServletRequest request) {
		if (!"GET".equals(request.getMethod()) && request.getAttribute(RecordingAuditLog.RECORDED) == null) {
			audit.refused("refused", request.getMethod() + " " + request.getRequestURI(), "role does not allow this request");
		}
		return page(HttpStatus.FORBIDDEN);
	}

	/** A malformed id in the address (/console/blasts/abc) names nothing: not found, as an unknown one. */
	@ExceptionHandler(TypeMismatchException.class)
	ModelAndView mismatch() {
		return page(HttpStatus.NOT_FOUND);
	}

	@ExceptionHandler(MissingServletRequestParameterException.class)
	ModelAndView missing() {
		return page(HttpStatus.BAD_REQUEST);
	}

	private static ModelAndView page(HttpStatus status) {
		String view = status == HttpStatus.NOT_FOUND || status == HttpStatus.FORBIDDEN ? "error/" + status.value() : "error";
		ModelAndView page = new ModelAndView(view);
		page.setStatus(status);
		return page;
	}

}
