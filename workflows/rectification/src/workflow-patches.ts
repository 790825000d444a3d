/**
 * Ids of `patched()` branches: changes to workflow code that issue other commands than the code running workflows
 * were started with (see README.md, "Changing workflow code"). Never rename or reuse an id; once no running
 * workflow can lack a marker, the old branch goes through `deprecatePatch(id)` and later away.
 */
export const WORKFLOW_PATCHES = {
  /**
   * Three unreached callback attempts on three different working days meet the callback obligation as 无法联系.
   * Deciding what a working day is calls `computeDeadline`, which the earlier code never did on a callback.
   */
  unreachableCallback: 'callback-unreachable-after-three-working-days',
  /**
   * A case reopened by 不满意 is the county's: its new result clock reminds the county and is at level 2 the moment it
   * runs out, with no escalation timer (the earlier code told the town leader and escalated a working day later).
   */
  countyOwnsReopenedResult: 'reopened-result-owned-by-county',
  /**
   * An obligation's due, reminder and escalation times come from one computeObligationDeadlines activity instead of
   * two rounds of computeDeadline (an action waited for one activity round trip less).
   */
  obligationDeadlinesInOneActivity: 'obligation-deadlines-in-one-activity',
  /**
   * A projection that failed for good (ERR_PROJECTION_INVALID) is reported to the county once and the case carries
   * on; the earlier code let it fail the handler (or the whole case) and every projection chained after it.
   */
  invalidProjectionReported: 'invalid-projection-reported-to-county',
  /**
   * A projection sends the read model's columns and the timeline entries after the last projected one
   * (projectCaseChanges) instead of the whole state (projectCase): the history grows by what changed, not by the
   * whole case at every step.
   */
  projectChangesOnly: 'project-changes-only',
  /** A new case tells the hall's handlers at once (CASE_OPENED); the earlier code told nobody until a reminder. */
  noticeOfNewCase: 'notice-of-new-case',
  /**
   * A verification proposing 不予采纳 tells the county at once (REJECTION_PROPOSED); the earlier code waited for the
   * decision clock's reminder.
   */
  noticeOfRejectionProposal: 'notice-of-rejection-proposal',
} as const;
