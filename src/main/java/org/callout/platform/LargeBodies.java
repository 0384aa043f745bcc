package org.callout.platform;

import java.util.List;

import org.springframework.util.unit.DataSize;

/**
 * API paths a module lets send bodies larger than {@code callout.max-request-body}, up to {@code limit}. Each
 * module declares its own as a bean, like {@link PublicEndpoints}: the general limit stays small, and a path that
 * needs more (a template with its HTML) gets it, and can then refuse an oversized field by name.
 *
 * @param patterns path patterns such as {@code /api/v1/templates/**}
 * @param limit the largest body accepted on those paths
 */
public record LargeBodies(List<String> patterns, DataSize limit) {

	public LargeBodies {
		patterns = List.copyOf(patterns);
	}

}
