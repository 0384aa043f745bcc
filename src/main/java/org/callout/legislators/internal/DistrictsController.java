package org.callout.legislators.internal;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.callout.legislators.Confidence;
import org.callout.legislators.Representatives;
import org.callout.platform.AuditLog;
import org.callout.platform.FieldError;
import org.callout.platform.RequestRefusedException;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Organizer API: district lookups, each subscriber's districts, organizer-set districts, the ZIP table, bulk refreshes. */
@RestController
class DistrictsController {

	private final DistrictQueries queries;

	private final Representatives representatives;

	private final HandSetDistricts handSet;

	private final DistrictJobs jobs;

	private final ImportSources sources;

	private final ZipTable zips;

	private final OrganizerDistrictCsv organizerCsv;

	private final AuditLog audit;

	DistrictsController(DistrictQueries queries, Representatives representatives, HandSetDistricts handSet,
			DistrictJobs jobs, ImportSources sources, ZipTable zips, OrganizerDistrictCsv organizerCsv, AuditLog audit) {
		this.audit = audit;
		this.organizerCsv = organizerCsv;
		this.queries = queries;
		this.representatives = representatives;
		this.handSet = handSet;
		this.jobs = jobs;
		this.sources = sources;
		this.zips = zips;
	}

	@GetMapping("/api/v1/districts")
	AnswerView lookup(@RequestParam(required = false) String zip, @RequestParam(required = false) String address) {
		LookupInput input = LookupInput.of(zip, address, true);
		if (!input.valid()) {
			throw RequestRefusedException.invalidFields("Invalid lookup", input.errors().stream().map(LookupInput.Problem::toFieldError).toList());
		}
		return AnswerView.of(queries.find(input));
	}

	@GetMapping("/api/v1/districts/summary")
	Map<String, Long> summary() {
		Map<String, Long> counts = new LinkedHashMap<>();
		long total = 0;
		for (Map.Entry<Confidence, Long> entry : representatives.summary().entrySet()) {
			counts.put(entry.getKey().code(), entry.getValue());
			total += entry.getValue();
		}
		counts.put("total", total);
		return counts;
	}

	@GetMapping("/api/v1/subscribers/{id}/districts")
	AnswerView ofSubscriber(@PathVariable long id) {
		return representatives.representationOf(id).map(AnswerView::of).orElseThrow(() -> RequestRefusedException.of(
				HttpStatus.NOT_FOUND, "No districts yet", "No districts are known for subscriber " + id
						+ " (no such subscriber, or not confirmed and looked up yet)."));
	}

	record DistrictsRequest(String senateDistrict, String assemblyDistrict) {
	}

	/** Organizer-set districts win over every lookup until deleted. */
	@PutMapping("/api/v1/subscribers/{id}/districts")
	@org.springframework.transaction.annotation.Transactional
	AnswerView set(@PathVariable long id, @RequestBody(required = false) DistrictsRequest request) {
		DistrictsRequest body = request == null ? new DistrictsRequest(null, null) : request;
		HandSetDistricts.Outcome outcome = handSet.set(id, body.senateDistrict(), body.assemblyDistrict());
		if (!outcome.problems().isEmpty()) {
			throw RequestRefusedException.invalidFields("Invalid districts", outcome.problems().stream().map(DistrictsController::fieldError).toList());
		}
		if (!outcome.found()) {
			throw noSuchSubscriber(id);
		}
		return ofSubscriber(id);
	}

	private static FieldError fieldError(HandSetDistricts.Problem problem) {
		if ("none".equals(problem.code())) {
			return new FieldError(problem.field(), "Give a Senate district, an Assembly district, or both.");
		}
		return "senateDistrict".equals(problem.field()) ? new FieldError("senateDistrict", "Give a Senate district from 1 to 63.")
				: new FieldError("assemblyDistrict", "Give an Assembly district from 1 to 150.");
	}

	@DeleteMapping("/api/v1/subscribers/{id}/districts")
	@org.springframework.transaction.annotation.Transactional
	AnswerView clear(@PathVariable long id) {
		if (!handSet.clear(id)) {
			throw noSuchSubscriber(id);
		}
		return ofSubscriber(id);
	}

	record SourceRequest(String source) {
	}

	/** A Census relationship file (either chamber, with or without land shares) replaces that chamber's ZIP table. */
	@PostMapping("/api/v1/districts/zip-table/imports")
	Map<String, Object> importZipTable(@RequestBody(required = false) SourceRequest request) throws IOException {
		if (request == null || request.source() == null || request.source().isBlank()) {
			throw RequestRefusedException.invalidField("Invalid import", "source", "Give the path or https URL to import.");
		}
		try {
			ImportSources.Fetched fetched = sources.fetch(request.source(), "csv");
			ZctaFile.Parsed parsed = zips.load(fetched.files().getFirst(), request.source().strip());
			// Imports are not wrapped with their entry: a download has no place in a database transaction, and
			// each import commits its own. The entry follows the commit; a refused import leaves none.
			audit.record("districts.zip-table.import", "zip-table:" + parsed.chamber().code(),
					Map.of("source", LegislatorsController.withoutQuery(request.source()), "pairs", parsed.pairs().size()));
			return Map.of("chamber", parsed.chamber().code(), "pairs", parsed.pairs().size(), "zips",
					parsed.pairs().stream().map(ZctaFile.Pair::zip).distinct().count(), "errors", parsed.errors());
		}
		catch (ImportRefusedException refused) {
			throw RequestRefusedException.of(HttpStatus.UNPROCESSABLE_CONTENT, "Import refused", refused.getMessage());
		}
	}

	/** Organizer-set districts for many subscribers: a CSV of email,senate_district,assembly_district. */
	@PostMapping("/api/v1/districts/organizer-imports")
	OrganizerDistrictCsv.Report importOrganizerDistricts(@RequestBody(required = false) SourceRequest request) {
		if (request == null || request.source() == null || request.source().isBlank()) {
			throw RequestRefusedException.invalidField("Invalid import", "source", "Give the path or https URL to import.");
		}
		try {
			OrganizerDistrictCsv.Report report = organizerCsv.apply(sources.fetch(request.source(), "csv").files().getFirst());
			audit.record("districts.import", "districts", Map.of("source", LegislatorsController.withoutQuery(request.source()),
					"set", report.set(), "errors", report.errors().size()));
			return report;
		}
		catch (ImportRefusedException refused) {
			throw RequestRefusedException.of(HttpStatus.UNPROCESSABLE_CONTENT, "Import refused", refused.getMessage());
		}
	}

	@PostMapping("/api/v1/districts/refreshes")
	DistrictJobs.Job startRefresh() {
		DistrictJobs.Job job = jobs.start();
		audit.record("districts.refresh", "district-refresh:" + job.id(), Map.of("status", job.status(), "total", job.total()));
		return job;
	}

	@GetMapping("/api/v1/districts/refreshes/{id}")
	DistrictJobs.Job refresh(@PathVariable long id) {
		return jobs.find(id).orElseThrow(() -> RequestRefusedException.of(HttpStatus.NOT_FOUND, "No such refresh",
				"No district refresh has the id " + id + "."));
	}

	private static RequestRefusedException noSuchSubscriber(long id) {
		return RequestRefusedException.of(HttpStatus.NOT_FOUND, "No such subscriber", "No subscriber has the id " + id + ".");
	}

}
