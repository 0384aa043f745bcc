package org.callout.platform.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Page texts: {@code messages*.properties} for the shared pages, plus one bundle per module under
 * {@code i18n/<module>*.properties}, found on the classpath, so a module adds its pages' words without
 * editing a central list.
 */
@Configuration(proxyBeanMethods = false)
class MessagesConfiguration {

	// A bundle's base file: i18n/legislators.properties, not its translations (i18n/legislators_es.properties).
	private static final Pattern BASE_FILE = Pattern.compile("[a-z0-9-]+\\.properties");

	@Bean
	MessageSource messageSource() throws IOException {
		List<String> basenames = new ArrayList<>(List.of("messages"));
		Resource[] bundles = new PathMatchingResourcePatternResolver().getResources("classpath*:i18n/*.properties");
		Arrays.stream(bundles)
			.map(Resource::getFilename)
			.filter(Objects::nonNull)
			.filter(name -> BASE_FILE.matcher(name).matches())
			.map(name -> "i18n/" + name.substring(0, name.length() - ".properties".length()))
			.distinct()
			.sorted()
			.forEach(basenames::add);
		ResourceBundleMessageSource source = new ResourceBundleMessageSource();
		source.setBasenames(basenames.toArray(String[]::new));
		source.setDefaultEncoding("UTF-8");
		source.setFallbackToSystemLocale(false);
		return source;
	}

}
