package org.callout.legislators.internal;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.callout.legislators.Chamber;

/**
 * A Census ZCTA-to-state-legislative-district relationship file, read by column name in both shapes: the
 * Census files ({@code GEOID_SLDU2024_20|...|GEOID_ZCTA5_20|...|AREALAND_ZCTA5_20|...|AREALAND_PART}, pipe-
 * delimited, BOM) and the New York extract without land shares ({@code ...|DISTRICT}). The chamber is read from
 * the GEOID column's name (SLDU: Senate, SLDL: Assembly); only New York (state 36) rows are kept; water
 * districts ({@code ZZZ}) and rows without a ZCTA are skipped.
 */
final class ZctaFile {

	/** One (ZIP area, district) pair, with its land share when the file has AREALAND columns. */
	record Pair(String zip, String district, Double landShare) {
	}

	record Parsed(Chamber chamber, List<Pair> pairs, List<RecordError> errors) {
	}

	private ZctaFile() {
	}

	static Parsed parse(ImportFile file) {
		try {
			CsvReader reader = new CsvReader(new StringReader(file.text()), '|');
			CsvReader.Row header = reader.next();
			if (header == null) {
				throw new ImportRefusedException(file.name() + " is empty");
			}
			Map<String, Integer> columns = new HashMap<>();
			for (int i = 0; i < header.fields().size(); i++) {
				columns.put(header.fields().get(i).strip().toUpperCase(Locale.ROOT), i);
			}
			String geoid = columns.keySet().stream().filter(c -> c.startsWith("GEOID_SLDU") || c.startsWith("GEOID_SLDL")).findFirst()
				.orElseThrow(() -> new ImportRefusedException(file.name() + ": missing required column GEOID_SLDU... or GEOID_SLDL..."));
			String zcta = columns.keySet().stream().filter(c -> c.startsWith("GEOID_ZCTA5")).findFirst()
				.orElseThrow(() -> new ImportRefusedException(file.name() + ": missing required column GEOID_ZCTA5..."));
			Chamber chamber = geoid.startsWith("GEOID_SLDU") ? Chamber.UPPER : Chamber.LOWER;
			Integer part = columns.get("AREALAND_PART");
			Integer zctaLand = columns.keySet().stream().filter(c -> c.startsWith("AREALAND_ZCTA5")).findFirst().map(columns::get).orElse(null);
			return rows(file, reader, chamber, columns.get(geoid), columns.get(zcta), part, zctaLand);
		}
		catch (IOException ex) {
			throw new ImportRefusedException(file.name() + " is not readable: " + ex.getMessage(), ex);
		}
	}

	private static Parsed rows(ImportFile file, CsvReader reader, Chamber chamber, int geoidAt, int zctaAt, Integer partAt,
			Integer zctaLandAt) throws IOException {
		List<RecordError> errors = new ArrayList<>();
		Map<String, Pair> pairs = new LinkedHashMap<>();
		Map<String, Double> zipLand = new HashMap<>();
		for (CsvReader.Row row = reader.next(); row != null; row = reader.next()) {
			List<String> f = row.fields();
			String where = file.name() + ":" + row.line();
			String geoid = field(f, geoidAt);
			String zip = field(f, zctaAt);
			if (zip.isEmpty() || geoid.endsWith("ZZZ") || !geoid.startsWith("36")) {
				continue;
			}
			if (!zip.matches("\\d{5}") || !geoid.matches("36\\d{3}")) {
				errors.add(new RecordError(where, null, "not a ZCTA and district GEOID: '" + zip + "', '" + geoid + "'"));
				continue;
			}
			var district = RecordChecks.district(chamber, geoid.substring(2));
			if (district.isEmpty()) {
				errors.add(new RecordError(where, null, "no " + chamber.code() + " district " + geoid.substring(2)));
				continue;
			}
			Double land = partAt == null ? null : number(field(f, partAt));
			if (partAt != null && land == null) {
				errors.add(new RecordError(where, null, "AREALAND_PART is not a number"));
				continue;
			}
			Double total = zctaLandAt == null ? null : number(field(f, zctaLandAt));
			if (total != null && total > 0) {
				zipLand.put(zip, total);
			}
			pairs.merge(zip + "|" + district.get(), new Pair(zip, district.get(), land),
					(a, b) -> new Pair(zip, a.district(), a.landShare() == null ? null : a.landShare() + b.landShare()));
		}
		return new Parsed(chamber, shares(pairs.values(), zipLand, partAt != null), errors);
	}

	/** Land parts become shares of the ZIP area's land (its Census total, or the sum of its parts in New York). */
	private static List<Pair> shares(Collection<Pair> pairs, Map<String, Double> zipLand, boolean withShares) {
		if (!withShares) {
			return List.copyOf(pairs);
		}
		Map<String, Double> sums = new HashMap<>();
		pairs.forEach(p -> sums.merge(p.zip(), p.landShare(), Double::sum));
		return pairs.stream().map(p -> {
			double whole = zipLand.getOrDefault(p.zip(), sums.get(p.zip()));
			return new Pair(p.zip(), p.district(), whole > 0 ? p.landShare() / whole : null);
		}).toList();
	}

	private static String field(List<String> fields, int at) {
		return at < fields.size() ? fields.get(at).strip() : "";
	}

	private static Double number(String text) {
		try {
			return Double.valueOf(text);
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

}
