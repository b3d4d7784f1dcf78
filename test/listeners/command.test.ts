import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ListenerHarness, listenerHarness, slashCommandBody } from '../helpers/bolt.ts';

describe('/cor through a real Bolt app', () => {
  let h: ListenerHarness;
  beforeAll(async () => {
    h = await listenerHarness();
  });
  afterAll(() => h.close());

  it('answers /cor help with the usage card in the ack', async () => {
    const ack = await h.send(slashCommandBody('help', h.slack));
    expect(ack.acked).toBe(true);
    expect(ack.body).toMatchObject({ response_type: 'ephemeral', text: expect.stringContaining('/cor log') });
    expect(JSON.stringify(ack.body)).toContain('/cor tasks');
  });

  it('answers an empty /cor and an unknown subcommand with the card too, never an error', async () => {
    const empty = await h.send(slashCommandBody('   ', h.slack));
    expect(empty.body).toMatchObject({ text: expect.stringMatching(/^Log your COR hours/) });
    const unknown = await h.send(slashCommandBody('frobnicate <!channel> now', h.slack));
    expect(unknown.body).toMatchObject({ text: expect.stringContaining("I don't know `frobnicate` yet") });
    expect(JSON.stringify(unknown.body)).not.toContain('<!channel>');
  });

  it('is case-insensitive about the subcommand', async () => {
    const ack = await h.send(slashCommandBody('HELP', h.slack));
    expect(ack.body).toMatchObject({ text: expect.stringMatching(/^Log your COR hours/) });
  });

  it('acks and tells the user when a command payload is incomplete, and logs it', async () => {
    const ack = await h.send(slashCommandBody('help', h.slack, { user_id: '' }));
    expect(ack.body).toMatchObject({ text: expect.stringContaining('incomplete') });
    expect(h.logText()).toContain('slash command payload failed validation');
    expect(h.slack.responses).toHaveLength(0); // one answer, not an extra error message
  });
});
