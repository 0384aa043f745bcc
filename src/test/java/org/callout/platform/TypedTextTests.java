package org.callout.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TypedTextTests {

	@Test
	void decomposedAccentsAreComposedSoTheSameNameIsStoredTheSameWay() {
		assertThat(TypedText.clean("Pe\u0301rez")).isEqualTo("Pérez").hasSize(5);
	}

	@Test
	void controlCharactersAndLineSeparatorsBecomeOneSpace() {
		assertThat(TypedText.clean(" Ana\r\n\tMaría\u2028 ")).isEqualTo("Ana María");
	}

	@Test
	void zeroWidthSpacesAndBidirectionalFormatCharactersAreRemoved() {
		assertThat(TypedText.clean("A\u200Bna\u202E\u2066\uFEFF")).isEqualTo("Ana");
	}

	@Test
	void joinersBetweenLettersAreKeptForPersianNamesAndEmojiSequencesButNotAtTheEdges() {
		assertThat(TypedText.clean("\u200Dمی\u200Cخواهم\u200C")).isEqualTo("می\u200Cخواهم");
		assertThat(TypedText.clean("👩\u200D👧 Ana")).isEqualTo("👩\u200D👧 Ana");
		assertThat(TypedText.clean("Ana \u200D Ruiz")).isEqualTo("Ana Ruiz");
	}

	@Test
	void textOfOnlyInvisibleCharactersIsNothing() {
		assertThat(TypedText.clean("\u200B\u200C\u200D\u2060 \uFEFF")).isNull();
		assertThat(TypedText.clean(null)).isNull();
	}

	@Test
	void aLoneSurrogateIsRemovedButAPairedOneIsKept() {
		assertThat(TypedText.clean("Ana\uD800")).isEqualTo("Ana");
		assertThat(TypedText.clean("\uDC00Ana 😀")).isEqualTo("Ana 😀");
	}

	@Test
	void lengthCountsCodePointsSoAnEmojiCountsOnce() {
		assertThat(TypedText.length("😀".repeat(60))).isEqualTo(60);
		assertThat("😀".repeat(60)).hasSize(120);
	}

	@Test
	void markupAndTemplateSyntaxAreKeptAsText() {
		assertThat(TypedText.clean("<b>{{x}}</b> [[${7*7}]]")).isEqualTo("<b>{{x}}</b> [[${7*7}]]");
	}

}
