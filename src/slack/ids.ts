/** Every slash command, action id, callback id and block id the app uses. The manifest test reads these. */
export const COMMAND = '/cor';

/** Subcommands of /cor, in the order the usage card lists them. */
export const SUBCOMMANDS = {
  help: 'help',
  link: 'link',
  whoami: 'whoami',
  unlink: 'unlink',
  log: 'log',
  today: 'today',
  week: 'week',
  report: 'report',
  start: 'start',
  stop: 'stop',
  status: 'status',
  remind: 'remind',
  tasks: 'tasks',
  task: 'task',
  project: 'project',
  digest: 'digest',
  language: 'language',
} as const;

/** Kinds of acknowledged work kept until done (see accepted.ts); stored, so never renamed. */
export const ACCEPTED = {
  logWords: 'log_words',
  logForm: 'log_form',
  logPending: 'log_pending',
  logMessage: 'log_message',
  logLine: 'log_line',
  timer: 'timer',
  timerHomeStop: 'timer_home_stop',
  reminderLog: 'reminder_log',
  taskStatus: 'task_status',
  taskCreate: 'task_create',
  taskMessage: 'task_message',
  reportMessage: 'report_message',
} as const;

/** Action ids of interactive elements. */
export const ACTIONS = {
  /** a URL button: Slack still sends a block_action when it is clicked, which the app acknowledges */
  openCorConsent: 'open_cor_consent',
  openInCor: 'open_in_cor',
  logConfirm: 'log_confirm',
  logChangeTask: 'log_change_task',
  logPickTask: 'log_pick_task',
  logCancel: 'log_cancel',
  /** "Undo" on an entry waiting out its undo window (any path that logs) */
  undoEntries: 'undo_entries',
  /** the card of several entries from one line: a row's task or duration, Log all, Cancel */
  lineTask: 'line_task',
  lineTaskSearch: 'line_task_search',
  lineDuration: 'line_duration',
  lineLogAll: 'line_log_all',
  lineCancel: 'line_cancel',
  /** a "Log time" button anywhere: opens the log-time modal */
  openLogModal: 'open_log_modal',
  /** reminder DM: "Log 1h" on a recent task, snooze, skip the day, settings form */
  reminderLogTask: 'reminder_log_task',
  reminderSnooze: 'reminder_snooze',
  reminderSkip: 'reminder_skip',
  reminderSettings: 'reminder_settings',
  /** task cards: the status form; `/cor tasks`: the next page */
  taskChangeStatus: 'task_change_status',
  tasksMore: 'tasks_more',
  /** `/cor digest` and digests: new, edit, pause, resume, delete; nudges and the link card for the unlinked */
  digestNew: 'digest_new',
  digestEdit: 'digest_edit',
  digestPause: 'digest_pause',
  digestResume: 'digest_resume',
  digestDelete: 'digest_delete',
  digestNudge: 'digest_nudge',
  digestNudgeAll: 'digest_nudge_all',
  digestSendLink: 'digest_send_link',
  /** App Home: stop the running timer */
  timerStop: 'timer_stop',
  homeLanguage: 'home_language', // App Home: the language select
  /** a report's buttons: Download CSV, Share, and a project or client picked among several that matched */
  reportCsv: 'report_csv',
  reportShare: 'report_share',
  reportPick: 'report_pick',
} as const;

/** Events the app subscribes to (also in manifest.yml). */
export const EVENTS = ['app_home_opened', 'app_uninstalled', 'tokens_revoked', 'user_change', 'link_shared', 'message'] as const;

/** Global and message shortcuts (callback ids, also in manifest.yml). */
export const SHORTCUTS = {
  logTime: 'log_time',
  logTimeFromMessage: 'log_time_message',
  taskStatusFromMessage: 'task_status_message',
  createTaskFromMessage: 'task_create_message',
  addToTaskFromMessage: 'task_add_message',
} as const;

/** Callback ids of views (modals). */
export const CALLBACKS = {
  logModal: 'log_time_modal',
  reminderSettings: 'reminder_settings_modal',
  taskStatus: 'task_status_modal',
  taskCreate: 'task_create_modal',
  taskMessage: 'task_message_modal',
  project: 'project_modal',
  digest: 'digest_modal',
  report: 'report_modal',
} as const;

/** Block and action ids of the report form (`/cor report` alone); scope and group are type-aheads (options). */
export const REPORT_MODAL_BLOCKS = {
  who: 'who',
  whoAction: 'who_value',
  people: 'people',
  peopleAction: 'people_value',
  group: 'group',
  groupAction: 'report_group',
  scope: 'scope',
  scopeAction: 'report_scope',
  period: 'period',
  periodAction: 'period_value',
  from: 'from',
  fromAction: 'from_value',
  to: 'to',
  toAction: 'to_value',
  groupBy: 'group_by',
  groupByAction: 'group_by_value',
} as const;

/** Block and action ids of the digest form. */
export const DIGEST_MODAL_BLOCKS = {
  people: 'people',
  peopleAction: 'people_value',
  usergroup: 'usergroup',
  usergroupAction: 'usergroup_value',
  project: 'project',
  projectAction: 'project_value',
  channel: 'channel',
  channelAction: 'channel_value',
  schedule: 'schedule',
  scheduleAction: 'schedule_value',
  time: 'time',
  timeAction: 'time_value',
  short: 'short',
  shortAction: 'short_value',
} as const;

/** Block and action ids of the project form (start and end dispatch on Enter, to show the date read). */
export const PROJECT_MODAL_BLOCKS = {
  name: 'name',
  nameAction: 'name_value',
  client: 'client',
  clientAction: 'client_value',
  brief: 'brief',
  briefAction: 'brief_value',
  start: 'start',
  startAction: 'project_start_value',
  end: 'end',
  endAction: 'project_end_value',
  hours: 'hours',
  hoursAction: 'hours_value',
  billable: 'billable',
  billableAction: 'billable_value',
  income: 'income',
  incomeAction: 'income_value',
} as const;

/** Block and action ids of the task status form. */
export const TASK_MODAL_BLOCKS = {
  error: 'error',
  status: 'status',
  statusAction: 'status_value',
  priority: 'priority',
  priorityAction: 'priority_value',
  duration: 'duration',
  durationAction: 'duration_value',
} as const;

/** Block and action ids of the two forms made from a message: a new task, and a message added to a task. */
export const MESSAGE_TASK_BLOCKS = {
  title: 'title',
  titleAction: 'title_value',
  project: 'project',
  /** options (type-ahead): an id of its own, apart from the log form's task picker */
  projectAction: 'message_task_project',
  description: 'description',
  descriptionAction: 'description_value',
  due: 'due',
  dueAction: 'due_value',
  task: 'task',
  /** options (type-ahead) */
  taskAction: 'message_task_select',
  message: 'message',
  messageAction: 'message_value',
} as const;

/** Block and action ids of the log-time modal. */
export const LOG_MODAL_BLOCKS = {
  task: 'task',
  taskAction: 'task_select',
  date: 'date',
  dateAction: 'date_value',
  duration: 'duration',
  durationAction: 'duration_value',
  from: 'from',
  fromAction: 'from_value',
  to: 'to',
  toAction: 'to_value',
  note: 'note',
  noteAction: 'note_value',
} as const;

/** Block and action ids of the reminder settings form. */
export const REMINDER_MODAL_BLOCKS = {
  enabled: 'enabled',
  enabledAction: 'enabled_value',
  time: 'time',
  timeAction: 'time_value',
  weekdays: 'weekdays',
  weekdaysAction: 'weekdays_value',
  target: 'target',
  targetAction: 'target_value',
  morning: 'morning',
  morningAction: 'morning_value',
  morningTime: 'morning_time',
  morningTimeAction: 'morning_time_value',
  away: 'away',
  awayAction: 'away_value',
} as const;

/** Bot scopes the app asks for (manifest.yml and the OAuth install use these). */
export const BOT_SCOPES = ['commands', 'chat:write', 'chat:write.public', 'im:write', 'im:history', 'users:read', 'users:read.email', 'links:read', 'links:write', 'usergroups:read', 'files:write'] as const;

/** The one HTTP path Slack sends commands, interactions, options requests and events to. */
export const SLACK_EVENTS_PATH = '/slack/events';
