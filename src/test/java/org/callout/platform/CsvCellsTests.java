package org.callout.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CsvCellsTests {

	@ParameterizedTest
	@ValueSource(strings = { "=HYPERLINK(\"https://evil.example\",\"x\")", "+1+1", "-2+3", "@SUM(A1:A2)", "\t=1", "\r=1", "\n=1" })
	void aCellThatStartsAFormulaGetsALeadingApostrophe(String cell) {
		assertThat(CsvCells.text(cell)).isEqualTo("'" + cell);
	}

	@ParameterizedTest
	@ValueSource(strings = { "Ana", "O'Brien", "María José", "12207", "1 = 1", "a=b", "'quoted", "<b>Ana</b>", "{{name}}" })
	void anyOtherCellIsWrittenAsItIs(String cell) {
		assertThat(CsvCells.text(cell)).isEqualTo(cell);
	}

}
