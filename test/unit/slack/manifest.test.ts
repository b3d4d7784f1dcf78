import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { BOT_SCOPES, COMMAND, EVENTS, SHORTCUTS, SLACK_EVENTS_PATH } from '../../../src/slack/ids.ts';
import { listenerHarness } from '../../helpers/bolt.ts';

interface Manifest {
  features: {
    app_home: { home_tab_enabled: boolean; messages_tab_enabled: boolean };
    slash_commands: { command: string; url: string }[];
    shortcuts?: { callback_id: string }[];
  };
  oauth_config: { scopes: { bot: string[] } };
  settings: {
    event_subscriptions: { request_url: string; bot_events: string[] };
    interactivity: { is_enabled: boolean; request_url: string; message_menu_options_url: string };
  };
}

const manifest = parse(readFileSync(new URL('../../../manifest.yml', import.meta.url), 'utf8')) as Manifest;

describe('manifest.yml', () => {
  it('declares exactly the command, events and shortcuts the code registers', async () => {
    const h = await listenerHarness();
    const { registered } = h.app;
    await h.close();
    expect(manifest.features.slash_commands.map((c) => c.command)).toEqual(registered.commands);
    // Slack subscribes to message events by where they happen: the bot reads only its own DMs ("message.im").
    const subscribed = registered.events.map((e) => (e === 'message' ? 'message.im' : e));
    expect([...manifest.settings.event_subscriptions.bot_events].sort()).toEqual([...subscribed].sort());
    expect((manifest.features.shortcuts ?? []).map((s) => s.callback_id).sort()).toEqual([...registered.shortcuts].sort());
    // ids.ts is the source the code registers from
    expect(registered.commands).toEqual([COMMAND]);
    expect([...registered.events].sort()).toEqual([...EVENTS].sort());
    expect(registered.shortcuts).toEqual(Object.values(SHORTCUTS));
  });

  it('sends commands, interactivity, options and events to the one Slack path', () => {
    const urls = [
      ...manifest.features.slash_commands.map((c) => c.url),
      manifest.settings.event_subscriptions.request_url,
      manifest.settings.interactivity.request_url,
      manifest.settings.interactivity.message_menu_options_url,
    ];
    for (const url of urls) expect(new URL(url).pathname).toBe(SLACK_EVENTS_PATH);
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
  });

  it('enables App Home with the Messages tab and asks for exactly the bot scopes the code needs', () => {
    expect(manifest.features.app_home).toMatchObject({ home_tab_enabled: true, messages_tab_enabled: true });
    expect([...manifest.oauth_config.scopes.bot].sort()).toEqual([...BOT_SCOPES].sort());
  });

  it('asks for files:write, which the files.uploadV2 sequence of charts and CSV exports needs', () => {
    expect(manifest.oauth_config.scopes.bot).toContain('files:write');
    expect(BOT_SCOPES).toContain('files:write');
  });
});
