package org.callout.campaigns.internal.console;

import java.util.List;

import org.callout.platform.LargeBodies;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

@Configuration(proxyBeanMethods = false)
class TemplatePagesConfiguration {

	/**
	 * The editor posts every part of every language at once, form-encoded (HTML grows by half or more): like the
	 * API's templates, more than the general body limit. Tomcat reads at most 2 MB of form fields anyway.
	 */
	@Bean
	LargeBodies templatePageBodies() {
		return new LargeBodies(List.of("/console/templates/**"), DataSize.ofMegabytes(2));
	}

}
