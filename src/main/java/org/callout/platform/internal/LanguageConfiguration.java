package org.callout.platform.internal;

import java.util.Locale;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.callout.platform.SupportedLanguages;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration(proxyBeanMethods = false)
class LanguageConfiguration implements WebMvcConfigurer {

	private final LanguageResolver resolver;

	LanguageConfiguration(SupportedLanguages languages) {
		this.resolver = new LanguageResolver(languages.all());
	}

	@Bean
	LocaleResolver localeResolver() {
		return resolver;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		// Remembers a language chosen with ?lang= so the next pages (confirm, result) keep it.
		registry.addInterceptor(new HandlerInterceptor() {
			@Override
			public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
				String chosen = resolver.supported(LanguageResolver.parameter(request));
				if (chosen != null) {
					resolver.setLocale(request, response, Locale.forLanguageTag(chosen));
				}
				return true;
			}
		}).excludePathPatterns("/api/**");
	}

}
