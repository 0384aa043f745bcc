package org.callout.console.internal.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.callout.platform.OrganizerRole;
import org.callout.platform.RequestRefusedException;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.ui.ExtendedModelMap;
import org.springframework.web.servlet.mvc.support.RedirectAttributesModelMap;

/**
 * The last active admin's refusal on the account page. The shared running app holds many admins, so this case is
 * set up here with the services' refusal itself (Accounts.change's 409), without a Spring context.
 */
class LastAdminPageTests {

	@Test
	void disablingTheLastActiveAdminShowsTheRefusalAndRecordsItWithoutRedirecting() {
		Account only = new Account(7, "alice", "alice@example.org", OrganizerRole.ADMIN, Instant.EPOCH, null);
		Accounts accounts = mock(Accounts.class);
		AccountActions actions = mock(AccountActions.class);
		AccountTokens tokens = mock(AccountTokens.class);
		when(accounts.byId(7)).thenReturn(Optional.of(only));
		when(tokens.of(only)).thenReturn(List.of());
		RequestRefusedException lastAdmin = RequestRefusedException.of(HttpStatus.CONFLICT, "Last admin", "This is the only active admin");
		when(actions.change(7, null, true)).thenThrow(lastAdmin);
		AccountPage page = new AccountPage(accounts, actions, new TokenPanel(tokens, actions));
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/console/accounts/7/disabled");
		MockHttpServletResponse response = new MockHttpServletResponse();
		ExtendedModelMap model = new ExtendedModelMap();

		String view = page.disabled(7, "true", request, response, model, new RedirectAttributesModelMap());

		assertThat(view).isEqualTo("console/accounts/account");
		assertThat(response.getStatus()).isEqualTo(409);
		assertThat(model.get("refusal")).isEqualTo("console.accounts.refused.lastAdmin");
		verify(actions).refused(any(), any());
	}

}
