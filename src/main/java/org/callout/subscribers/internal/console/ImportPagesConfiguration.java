package org.callout.subscribers.internal.console;

import java.util.List;

import org.callout.platform.LargeBodies;
import org.callout.subscribers.SubscribersProperties;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

@Configuration(proxyBeanMethods = false)
class ImportPagesConfiguration {

	// The upload form's body is the file plus the form's other fields and the multipart boundaries.
	private static final DataSize MULTIPART_OVERHEAD = DataSize.ofKilobytes(64);

	@Bean
	LargeBodies importPageBodies(SubscribersProperties properties) {
		long limit = properties.imports().maxFileSize().toBytes() + MULTIPART_OVERHEAD.toBytes();
		return new LargeBodies(List.of("/console/subscribers/import"), DataSize.ofBytes(limit));
	}

}
