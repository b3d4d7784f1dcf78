import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AnswerPlace, answerAt, answerPlaceOf, DM, postedMessage, storedAnswerPlace } from '../../../src/slack/respond.ts';
import { SingleWorkspaceClients } from '../../../src/slack/workspace/clients.ts';
import { DEFAULT_WORKSPACE, FakeSlack } from '../../../tools/fake-slack/server.ts';

const CREATED = new Date('2026-11-23T12:00:00Z');
const MINUTE = 60_000;
const JANE = { tenantKey: 'T:T0DEMO', slackUserId: 'U01JANE' };

describe('where an answer goes, as kept with a time entry', () => {
  it('reads what older versions kept: a response_url in place or beside, a message, a bare response_url column, nothing', () => {
    const url = 'https://hooks.slack.com/actions/T0/1/abc';
    expect(answerPlaceOf({ answerTo: JSON.stringify({ url, replace: false }), responseUrl: null }, CREATED)).toEqual({ kind: 'response_url', url, replace: false, since: CREATED });
    expect(answerPlaceOf({ answerTo: JSON.stringify({ channel: 'D01', ts: '1.2' }), responseUrl: url }, CREATED)).toEqual({ kind: 'message', channel: 'D01', ts: '1.2' });
    expect(answerPlaceOf({ answerTo: null, responseUrl: url }, CREATED)).toEqual({ kind: 'response_url', url, replace: true, since: CREATED });
    expect(answerPlaceOf({ answerTo: null, responseUrl: null }, CREATED)).toEqual(DM);
    // Unreadable: the bare column, else a DM.
    expect(answerPlaceOf({ answerTo: '{not json', responseUrl: null }, CREATED)).toEqual(DM);
    expect(answerPlaceOf({ answerTo: JSON.stringify({ url: 'not a url', replace: true }), responseUrl: url }, CREATED)).toEqual({ kind: 'response_url', url, replace: true, since: CREATED });
  });

  it('every place reads back as it was kept (a response_url’s life counted from when it was kept); a DM keeps nothing', () => {
    const places: AnswerPlace[] = [
      { kind: 'response_url', url: 'https://hooks.slack.com/commands/T0/2/def', replace: true, since: CREATED },
      { kind: 'response_url', url: 'https://hooks.slack.com/actions/T0/3/ghi', replace: false, since: CREATED },
      { kind: 'message', channel: 'C01', ts: '171.000200' },
      { kind: 'conversation', channel: 'D01JANE', threadTs: '171.000300' },
      { kind: 'conversation', channel: 'D01JANE', threadTs: undefined },
    ];
    for (const place of places) expect(answerPlaceOf({ answerTo: storedAnswerPlace(place) ?? null, responseUrl: null }, CREATED)).toEqual(place);
    expect(storedAnswerPlace(DM)).toBeUndefined();
    expect(storedAnswerPlace(undefined)).toBeUndefined();
    // Older versions read the response_url and message shapes as they always were.
    expect(JSON.parse(storedAnswerPlace(places[1]) ?? '')).toEqual({ url: 'https://hooks.slack.com/actions/T0/3/ghi', replace: false });
    expect(JSON.parse(storedAnswerPlace(places[2]) ?? '')).toEqual({ channel: 'C01', ts: '171.000200' });
  });

  it('a posted message is the place of later answers about it', () => {
    expect(postedMessage({ ok: true, channel: 'D01', ts: '1.1' })).toEqual({ kind: 'message', channel: 'D01', ts: '1.1' });
    expect(postedMessage(undefined)).toBeUndefined();
  });
});

describe('answering at a place (one function, a DM when the place does not work)', () => {
  let slack: FakeSlack;
  let clients: SingleWorkspaceClients;
  beforeAll(async () => {
    slack = await new FakeSlack().start();
    clients = new SingleWorkspaceClients(DEFAULT_WORKSPACE.botToken, { apiUrl: slack.apiUrl, timeoutMs: 2_000 }, 'T:T0DEMO');
  });
  afterAll(() => slack.stop());

  const dms = () => slack.callsTo('chat.postMessage').filter((c) => c.args.channel === 'U01JANE').map((c) => c.args.text);
  const at = (place: AnswerPlace, minutesLater = 0) => answerAt(clients, new Date(CREATED.getTime() + minutesLater * MINUTE), JANE, place);
  /** a response_url Slack refuses (expired, or never valid) */
  const refusedUrl = () => slack.newResponseUrl().replace('/response/', '/expired/');

  it('a response_url: in place, or beside; past its life, or refused, a DM', async () => {
    const url = slack.newResponseUrl();
    const id = url.split('/').pop();
    await at({ kind: 'response_url', url, replace: true, since: CREATED }, 10)({ text: 'in place' });
    await at({ kind: 'response_url', url, replace: false, since: CREATED }, 10)({ text: 'beside', replace_original: true });
    expect(slack.responses.filter((r) => r.id === id).map((r) => r.body)).toEqual([
      { response_type: 'ephemeral', replace_original: true, text: 'in place' },
      { response_type: 'ephemeral', replace_original: false, text: 'beside' },
    ]);
    await at({ kind: 'response_url', url, replace: true, since: CREATED }, 26)({ text: 'too late for the url' });
    await at({ kind: 'response_url', url: refusedUrl(), replace: true, since: CREATED })({ text: 'refused url' });
    expect(slack.responses.filter((r) => r.id === id)).toHaveLength(2);
    expect(dms()).toEqual(['too late for the url', 'refused url']);
  });

  it('a message is updated in place (a DM when Slack refuses); a conversation gets a new message, in its thread', async () => {
    await at({ kind: 'message', channel: 'D01JANE', ts: '1.1' })({ text: 'updated' });
    expect(slack.callsTo('chat.update').at(-1)?.args).toMatchObject({ channel: 'D01JANE', ts: '1.1', text: 'updated' });
    slack.failNext('chat.update', 'message_not_found');
    await at({ kind: 'message', channel: 'D01JANE', ts: '1.2' })({ text: 'message gone' });
    expect(dms().at(-1)).toBe('message gone');
    await at({ kind: 'conversation', channel: 'D01JANE', threadTs: '1.3' })({ text: 'in the thread' });
    expect(slack.callsTo('chat.postMessage').at(-1)?.args).toMatchObject({ channel: 'D01JANE', thread_ts: '1.3', text: 'in the thread' });
    await at(DM)({ text: 'a DM' });
    expect(dms().at(-1)).toBe('a DM');
  });

  it('an answer whose reply was lost is never sent twice: a replacement is tried once more (the same either way), an answer beside is not, and neither becomes a DM', async () => {
    const before = dms().length;
    const url = slack.newResponseUrl();
    const id = url.split('/').pop();
    slack.dropAnswers('response_url', { how: 'reset' });
    await at({ kind: 'response_url', url, replace: true, since: CREATED })({ text: 'replaced' });
    slack.dropAnswers('response_url', { how: 'reset' });
    await expect(at({ kind: 'response_url', url, replace: false, since: CREATED })({ text: 'beside' })).rejects.toThrow();
    expect(slack.responses.filter((r) => r.id === id).map((r) => r.body.text)).toEqual(['replaced', 'replaced', 'beside']);
    const posted = await (await clients.forTenant('T:T0DEMO')).chat.postMessage({ channel: 'D01JANE', text: 'first' });
    slack.dropAnswers('chat.update', { how: 'reset' });
    await at({ kind: 'message', channel: 'D01JANE', ts: String(posted.ts) })({ text: 'updated once more' });
    expect(slack.callsTo('chat.update').filter((c) => c.args.text === 'updated once more')).toHaveLength(2);
    expect(dms()).toHaveLength(before);
  });
});
