import type {
  App,
  BlockAction,
  Middleware,
  SlackActionMiddlewareArgs,
  SlackCommandMiddlewareArgs,
  SlackEventMiddlewareArgs,
  SlackOptionsMiddlewareArgs,
  SlackShortcutMiddlewareArgs,
  SlackViewMiddlewareArgs,
  ViewSubmitAction,
} from '@slack/bolt';

/** What the app listens to, as registered: the manifest test compares it with manifest.yml. */
export interface Registered {
  commands: string[];
  events: string[];
  shortcuts: string[];
  actions: string[];
  views: string[];
  options: string[];
}

/** Registers listeners on the Bolt app and remembers what it registered. */
export class ListenerRegistry {
  readonly #app: App;
  readonly registered: Registered = { commands: [], events: [], shortcuts: [], actions: [], views: [], options: [] };

  constructor(app: App) {
    this.#app = app;
  }

  command(name: string, listener: Middleware<SlackCommandMiddlewareArgs>): void {
    this.registered.commands.push(name);
    this.#app.command(name, listener);
  }

  event<E extends string>(type: E, listener: Middleware<SlackEventMiddlewareArgs<E>>): void {
    this.registered.events.push(type);
    this.#app.event(type, listener);
  }

  action(actionId: string, listener: Middleware<SlackActionMiddlewareArgs<BlockAction>>): void {
    this.registered.actions.push(actionId);
    this.#app.action<BlockAction>(actionId, listener);
  }

  view(callbackId: string, listener: Middleware<SlackViewMiddlewareArgs<ViewSubmitAction>>): void {
    this.registered.views.push(callbackId);
    this.#app.view<ViewSubmitAction>(callbackId, listener);
  }

  options(actionId: string, listener: Middleware<SlackOptionsMiddlewareArgs<'block_suggestion'>>): void {
    this.registered.options.push(actionId);
    this.#app.options<'block_suggestion'>(actionId, listener);
  }

  shortcut(callbackId: string, listener: Middleware<SlackShortcutMiddlewareArgs>): void {
    this.registered.shortcuts.push(callbackId);
    this.#app.shortcut(callbackId, listener);
  }
}
