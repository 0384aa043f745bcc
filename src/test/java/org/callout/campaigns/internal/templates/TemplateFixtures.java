package org.callout.campaigns.internal.templates;

import org.callout.campaigns.internal.templates.TemplateVersion.Parts;

/** A minimal valid campaign template, and ways to break it one thing at a time. */
final class TemplateFixtures {

	static final String TEXT = """
			Subject: Call {{#senator}}{{name}}{{/senator}} today
			Hi {{firstName}},
			{{#ask.targets}}
			Call {{title}} {{name}} at {{#phone}}{{phone.number}}{{/phone}}.
			{{/ask.targets}}
			Unsubscribe: {{unsubscribeUrl}}
			{{organization.postalAddress}}
			""";

	static final String HTML = """
			<p>Hi {{firstName}},</p>
			{{#ask.targets}}<p>Call <a href="tel:{{#phone}}{{phone.tel}}{{/phone}}">{{name}}</a></p>{{/ask.targets}}
			<p><a href="{{unsubscribeUrl}}">Unsubscribe</a> · {{organization.postalAddress}}</p>
			""";

	private TemplateFixtures() {
	}

	static Parts valid() {
		return new Parts(TEXT, HTML);
	}

	/** The valid text with {@code line} (1-based) replaced. */
	static String textWithLine(int line, String replacement) {
		String[] lines = TEXT.split("\n", -1);
		lines[line - 1] = replacement;
		return String.join("\n", lines);
	}

}
