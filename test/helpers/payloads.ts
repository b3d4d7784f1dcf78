/**
 * Slack interaction payloads the bot's tests and benches send (no vitest here: the benches import it too).
 */

export function viewSubmission(callbackId: string, opts: { meta: string; values: Record<string, unknown>; user?: string; viewId?: string }): Record<string, unknown> {
  const user = opts.user ?? 'U01JANE';
  return {
    type: 'view_submission',
    team: { id: 'T0DEMO', domain: 'demo' },
    user: { id: user, team_id: 'T0DEMO', username: 'x', name: 'x' },
    api_app_id: 'A0COR',
    token: 'x',
    trigger_id: '8.t',
    view: { id: opts.viewId ?? 'V1', team_id: 'T0DEMO', type: 'modal', callback_id: callbackId, private_metadata: opts.meta, state: { values: opts.values }, hash: 'h', blocks: [] },
  };
}

/** The log-time form's fields as Slack sends them back (null: left empty). */
export function logFormValues(fields: { taskId?: string | null; date: string; duration?: string | null; from?: string | null; to?: string | null; note?: string | null }): Record<string, Record<string, unknown>> {
  return {
    task: { task_select: { type: 'external_select', selected_option: fields.taskId ? { value: fields.taskId } : null } },
    date: { date_value: { type: 'datepicker', selected_date: fields.date } },
    duration: { duration_value: { type: 'plain_text_input', value: fields.duration ?? null } },
    from: { from_value: { type: 'timepicker', selected_time: fields.from ?? null } },
    to: { to_value: { type: 'timepicker', selected_time: fields.to ?? null } },
    note: { note_value: { type: 'plain_text_input', value: fields.note ?? null } },
  };
}

/** A submitted log-time form of Jane's (T0DEMO) in `tz`. */
export function logFormSubmission(opts: { viewId: string; tz: string; taskId: string; date: string; duration: string }): Record<string, unknown> {
  return viewSubmission('log_time_modal', {
    meta: JSON.stringify({ t: 'T:T0DEMO', u: 'U01JANE', tz: opts.tz }),
    values: logFormValues({ taskId: opts.taskId, date: opts.date, duration: opts.duration }),
    viewId: opts.viewId,
  });
}

/** The value of the button `actionId` in a message's blocks (an action row or a section's accessory). */
export function buttonValue(body: Record<string, unknown>, actionId: string): string {
  type Element = { action_id?: string; value?: string };
  const blocks = (body.blocks ?? []) as { elements?: Element[]; accessory?: Element }[];
  const el = blocks.flatMap((b) => [...(b.elements ?? []), ...(b.accessory ? [b.accessory] : [])]).find((e) => e.action_id === actionId);
  if (!el?.value) throw new Error(`no ${actionId} in ${JSON.stringify(body)}`);
  return el.value;
}
