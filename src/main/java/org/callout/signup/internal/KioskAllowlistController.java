package org.callout.signup.internal;

import java.net.URI;
import java.util.List;

import org.callout.platform.AuditLog;
import org.callout.platform.Cidr;
import org.callout.platform.RequestRefusedException;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Organizer API: the kiosk allow-list, edited at run time (a tabling event's venue is known on the day). */
@RestController
class KioskAllowlistController {

	private final KioskAllowlist allowlist;

	private final AuditLog audit;

	KioskAllowlistController(KioskAllowlist allowlist, AuditLog audit) {
		this.audit = audit;
		this.allowlist = allowlist;
	}

	record KioskRequest(String cidr, String label) {
	}

	@GetMapping("/api/v1/kiosk-allowlist")
	List<KioskAllowlist.Entry> all() {
		return allowlist.all();
	}

	@PostMapping("/api/v1/kiosk-allowlist")
	@org.springframework.transaction.annotation.Transactional
	ResponseEntity<List<KioskAllowlist.Entry>> add(@RequestBody KioskRequest request) {
		Cidr cidr = Cidr.parse(request == null ? null : request.cidr())
			.orElseThrow(() -> RequestRefusedException.invalidField("Invalid range", "cidr",
					"Give an IP address or CIDR range, such as 203.0.113.7 or 203.0.113.0/24 or 2001:db8::/64."));
		if (KioskAllowlist.tooWide(cidr)) {
			throw RequestRefusedException.invalidField("Range too wide", "cidr",
					"A kiosk range is one venue's network: at most a /16 for IPv4 or a /48 for IPv6.");
		}
		String label = request.label() == null ? null : request.label().strip();
		if (label != null && label.length() > KioskAllowlist.MAX_LABEL) {
			throw RequestRefusedException.invalidField("Invalid label", "label", "The label is limited to 200 characters.");
		}
		boolean added = allowlist.add(cidr, label);
		java.util.Map<String, Object> after = new java.util.LinkedHashMap<>();
		after.put("label", label);
		after.put("added", added);
		audit.record("kiosk.add", "kiosk:" + cidr.canonical(), after);
		return ResponseEntity.status(added ? HttpStatus.CREATED : HttpStatus.OK)
			.location(URI.create("/api/v1/kiosk-allowlist"))
			.body(allowlist.all());
	}

	@DeleteMapping("/api/v1/kiosk-allowlist")
	@org.springframework.transaction.annotation.Transactional
	ResponseEntity<Void> remove(@RequestParam String cidr) {
		String canonical = Cidr.parse(cidr).map(Cidr::canonical).orElse(cidr);
		if (!allowlist.remove(canonical)) {
			throw RequestRefusedException.of(HttpStatus.NOT_FOUND, "Not listed", "That range is not on the kiosk allow-list.");
		}
		audit.record("kiosk.remove", "kiosk:" + canonical, null);
		return ResponseEntity.noContent().build();
	}

}
