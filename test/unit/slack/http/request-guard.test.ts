import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Registered } from '../../../../src/slack/registry.ts';
import { checkSlackRequest } from '../../../../src/slack/http/request-guard.ts';

const registered: Registered = { commands: ['/cor'], events: ['app_home_opened'], shortcuts: ['log_time'], actions: ['log_confirm'], views: ['log_time_modal'], options: ['task_select'] };
const now = Date.UTC(2026, 10, 23, 12);
const SECRET = 'guard-test-secret';
const SIGNED = 'v0=sign-it'; // replaced by the body's real signature in `check`
const headers = (type: string, ts = now / 1000, signature = SIGNED) => ({ 'content-type': type, 'x-slack-request-timestamp': String(ts), 'x-slack-signature': signature });
const form = (fields: Record<string, string>) => Buffer.from(new URLSearchParams(fields).toString());
const FORM = 'application/x-www-form-urlencoded';
const sign = (body: Buffer, ts: string) => `v0=${createHmac('sha256', SECRET).update(`v0:${ts}:${body.toString()}`).digest('hex')}`;
const check = (body: Buffer, h: Record<string, string>) => {
  const signed = h['x-slack-signature'] === SIGNED ? { ...h, 'x-slack-signature': sign(body, h['x-slack-request-timestamp'] ?? '') } : h;
  return checkSlackRequest(body, signed, now, registered, SECRET);
};

describe('the /slack/events guard', () => {
  it('lets through what Slack sends and this app handles', () => {
    expect(check(form({ command: '/cor', user_id: 'U1', team_id: 'T1' }), headers(FORM))).toEqual({ ok: true });
    expect(check(form({ payload: JSON.stringify({ type: 'block_actions', actions: [{ action_id: 'log_confirm' }] }) }), headers(FORM))).toEqual({ ok: true });
    expect(check(form({ payload: JSON.stringify({ type: 'view_submission', view: { callback_id: 'log_time_modal' } }) }), headers(FORM))).toEqual({ ok: true });
    expect(check(form({ payload: JSON.stringify({ type: 'block_suggestion', action_id: 'task_select' }) }), headers(FORM))).toEqual({ ok: true });
    expect(check(form({ payload: JSON.stringify({ type: 'shortcut', callback_id: 'log_time' }) }), headers(FORM))).toEqual({ ok: true });
    expect(check(Buffer.from(JSON.stringify({ type: 'event_callback', event: {} })), headers('application/json; charset=utf-8'))).toEqual({ ok: true });
  });

  it.each([
    ['no signature', form({ command: '/cor' }), { 'content-type': FORM, 'x-slack-request-timestamp': String(now / 1000) }, 401],
    ['a replayed timestamp', form({ command: '/cor', user_id: 'U', team_id: 'T' }), headers(FORM, now / 1000 - 301), 401],
    ['a timestamp from the future', form({ command: '/cor', user_id: 'U', team_id: 'T' }), headers(FORM, now / 1000 + 301), 401],
    ['text/plain', Buffer.from('hello'), headers('text/plain'), 415],
    ['another command', form({ command: '/other', user_id: 'U', team_id: 'T' }), headers(FORM), 400],
    ['a command without a user', form({ command: '/cor', team_id: 'T' }), headers(FORM), 400],
    ['a payload that is not JSON', form({ payload: '{' }), headers(FORM), 400],
    ['an unknown payload type', form({ payload: JSON.stringify({ type: 'dialog_submission' }) }), headers(FORM), 400],
    ['an action nobody handles', form({ payload: JSON.stringify({ type: 'block_actions', actions: [{ action_id: 'nope' }] }) }), headers(FORM), 400],
    ['a view nobody opened', form({ payload: JSON.stringify({ type: 'view_submission', view: { callback_id: 'nope' } }) }), headers(FORM), 400],
    ['a JSON array', Buffer.from('[]'), headers('application/json'), 400],
    // Verified first: a wrong signature says nothing about what the body asks for.
    ['a bad signature on an action nobody handles', form({ payload: JSON.stringify({ type: 'block_actions', actions: [{ action_id: 'nope' }] }) }), headers(FORM, now / 1000, 'v0=abc'), 401],
    ['a signature of another body', form({ command: '/cor', user_id: 'U', team_id: 'T' }), headers(FORM, now / 1000, sign(form({ command: '/cor', user_id: 'X', team_id: 'T' }), String(now / 1000))), 401],
    ['url_verification without a challenge', Buffer.from('{"type":"url_verification"}'), headers('application/json'), 400],
  ])('refuses %s', (_name, body, h, status) => {
    expect(check(body, h)).toMatchObject({ ok: false, status });
  });

  it("answers Slack's ssl_check with an empty 200, once it is signed", () => {
    expect(check(form({ ssl_check: '1', token: 'x' }), headers(FORM))).toEqual({ ok: false, status: 200, reason: '' });
    expect(check(form({ ssl_check: '1', token: 'x' }), headers(FORM, now / 1000, 'v0=abc'))).toMatchObject({ ok: false, status: 401 });
  });
});
