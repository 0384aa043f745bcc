package org.callout.campaigns.internal.templates;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;

/** The templates' beans for a data slice test (their classes are package-private). */
@TestConfiguration(proxyBeanMethods = false)
@Import({ TemplatesConfiguration.class, TemplateStore.class })
public class TemplatesTestConfiguration {

}
