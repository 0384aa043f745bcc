/**
 * Tracked bills: a Senate print and its same-as Assembly print, their status history (append-only), sponsors,
 * where the bill sits (who must act next), and the Open Legislation poller. Publishes
 * {@link org.callout.bills.BillStatusChanged}, exactly once per real change.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Bills", allowedDependencies = { "platform", "legislators" })
package org.callout.bills;
