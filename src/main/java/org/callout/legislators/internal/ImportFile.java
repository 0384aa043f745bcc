package org.callout.legislators.internal;

import java.nio.charset.StandardCharsets;

/**
 * One file of an import (a CSV, or one person's YAML), read whole: imports are capped in size.
 *
 * @param name its name in reports (a path, a zip entry, a URL)
 * @param bytes its content
 */
record ImportFile(String name, byte[] bytes) {

	String text() {
		return new String(bytes, StandardCharsets.UTF_8);
	}

}
