import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FakeCor } from '../../tools/fake-cor/server.ts';
import type { FakeSlack } from '../../tools/fake-slack/server.ts';
import type { SlackRequestSender } from '../../tools/fake-slack/signed-requests.ts';
import { type BotWithFakes, botWithFakes } from '../helpers/bot.ts';
import { waitForResponse } from '../helpers/linking.ts';

describe('task status, end to end (bot process, signed requests, fake Slack, fake COR)', () => {
  let slack: FakeSlack;
  let cor: FakeCor;
  let sender: SlackRequestSender;
  let e2e: BotWithFakes;

  beforeAll(async () => {
    e2e = await botWithFakes({ linkJane: true });
    ({ slack, cor, sender } = e2e);
  });
  afterAll(() => e2e.close());

  it('/cor task card → Change status → the form → saved: exact PUT body, views.update, the card redrawn', async () => {
    const res = await sender.slashCommand({ text: 'task #48215' });
    const card = await waitForResponse(slack, res.responseUrl, (b) => String(b.text).includes('(#48215)'));
    expect(JSON.stringify(card.blocks)).toContain('task_change_status');

    const clicked = await sender.interaction({
      type: 'block_actions',
      team: { id: 'T0DEMO', domain: 'demo' },
      user: { id: 'U01JANE', team_id: 'T0DEMO', username: 'x', name: 'x' },
      api_app_id: 'A0COR',
      token: 'x',
      trigger_id: `${Date.now()}.trigger`,
      response_url: res.responseUrl,
      container: { type: 'message', message_ts: '1.1', is_ephemeral: true },
      actions: [{ type: 'button', action_id: 'task_change_status', block_id: 'b', value: '48215', action_ts: '1' }],
    });
    expect(clicked.status).toBe(200);
    const form = await slack.waitFor(() => slack.callsTo('views.update').find((c) => JSON.stringify(c.args.view).includes('"block_id":"status"')));
    const meta = (form.args.view as { private_metadata: string }).private_metadata;

    const submitted = await sender.interaction({
      type: 'view_submission',
      team: { id: 'T0DEMO', domain: 'demo' },
      user: { id: 'U01JANE', team_id: 'T0DEMO', username: 'x', name: 'x' },
      api_app_id: 'A0COR',
      token: 'x',
      trigger_id: '9.t',
      view: {
        id: String(form.args.view_id),
        callback_id: 'task_status_modal',
        private_metadata: meta,
        state: {
          values: {
            status: { status_value: { type: 'static_select', selected_option: { value: 'estancada' } } },
            priority: { priority_value: { type: 'static_select', selected_option: { value: '1' } } },
            duration: { duration_value: { type: 'plain_text_input', value: null } },
          },
        },
      },
    });
    expect(submitted.json).toMatchObject({ response_action: 'update' });
    await slack.waitFor(() => slack.callsTo('views.update').some((c) => JSON.stringify(c.args.view).includes('is now *Stalled*')));
    expect(cor.requestsTo('PUT', '/tasks/{task_id}').map((x) => x.body)).toEqual([{ title: 'Diseño de piezas para redes', status: 'estancada', priority: 1 }]);
    const redrawn = await waitForResponse(slack, res.responseUrl, (b) => b.replace_original === true && String(b.text).includes('Stalled'));
    expect(String(redrawn.text)).toContain('(#48215): Stalled');
  });
});
