package org.callout.signup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.callout.support.H2Database;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.TestPropertySource;

/** With no trusted proxy configured (the default), X-Forwarded-For is ignored: a forger cannot dodge the limit. */
@H2Database
@ExtendWith(OutputCaptureExtension.class)
@TestPropertySource(properties = "callout.signup.rate-limit.per-ip-per-hour=30")
class ForgedForwardingTests extends SignupFlowSupport {

	@Test
	void aForgedForwardedForNeverChangesWhichLimitAppliesAndTheOperatorIsWarnedOnce(CapturedOutput output) throws Exception {
		int accepted = 0;
		for (int i = 0; i < 40; i++) {
			int status = postJson("/api/v1/signups", signupJson(unique("forger"), "en", null),
					Map.of("X-Forwarded-For", "10.0." + i + ".1", "X-Real-IP", "10.1." + i + ".1")).statusCode();
			accepted += status == 202 ? 1 : 0;
		}

		assertThat(accepted).isEqualTo(30);
		assertThat(output.getAll().split("not a trusted proxy", -1)).hasSize(2);
		assertThat(output.getAll()).contains("callout.trusted-proxies");
	}

}
