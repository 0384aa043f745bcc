package org.callout.platform.internal;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.pattern.CompositeConverter;
import org.callout.platform.Masking;

/** Logback {@code %mask(...)}: masks addresses, IPs and known secrets in whatever the wrapped pattern printed. */
public class MaskingConverter extends CompositeConverter<ILoggingEvent> {

	@Override
	protected String transform(ILoggingEvent event, String in) {
		return Masking.text(SensitiveValues.redact(in));
	}

}
