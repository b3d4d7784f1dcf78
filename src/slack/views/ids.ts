/** Every slash command, action id, callback id and block id the app uses. The manifest test reads these. */
export const COMMAND = '/cor';

/** Subcommands of /cor, in the order the usage card lists them. */
export const SUBCOMMANDS = {
  help: 'help',
} as const;

/** Events the app subscribes to (also in manifest.yml). */
export const EVENTS = ['app_home_opened'] as const;

/** Global and message shortcuts (callback ids, also in manifest.yml). */
export const SHORTCUTS: readonly string[] = [];
