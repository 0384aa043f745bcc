package org.callout.legislators.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Service;

/** An import from its request: read the source, parse it in its format, apply it. */
@Service
class LegislatorImports {

	static final String BUNDLED_PEOPLE = "classpath:reference/ny/people/*.yml";

	private final ImportSources sources;

	private final LegislatorImporter importer;

	LegislatorImports(ImportSources sources, LegislatorImporter importer) {
		this.sources = sources;
		this.importer = importer;
	}

	ImportReport run(String source, String format, LegislatorImporter.Mode mode, boolean dryRun) {
		ImportSources.Fetched fetched = sources.fetch(source, format);
		return importer.apply(parse(fetched.files(), format), format, source.strip(), fetched.version(), mode, dryRun);
	}

	static ParsedPeople parse(List<ImportFile> files, String format) {
		if ("csv".equals(format)) {
			if (files.size() != 1) {
				throw new ImportRefusedException("a CSV import is one file");
			}
			return LegislatorCsv.parse(files.getFirst());
		}
		return PeopleYaml.parse(files);
	}

	/** The copy shipped in the jar (see reference/ny/SOURCE.md). */
	ImportReport bundled(String version) throws IOException {
		Resource[] resources = new PathMatchingResourcePatternResolver().getResources(BUNDLED_PEOPLE);
		List<ImportFile> files = new ArrayList<>();
		for (Resource resource : Arrays.stream(resources).sorted(Comparator.comparing(Resource::getFilename)).toList()) {
			try (InputStream in = resource.getInputStream()) {
				files.add(new ImportFile(resource.getFilename(), in.readAllBytes()));
			}
		}
		return importer.apply(PeopleYaml.parse(files), "yaml", "bundled:reference/ny/people", version,
				LegislatorImporter.Mode.PARTIAL, false);
	}

}
