/**
 * The English catalog: the source of every message's key (es.ts and pt.ts are typed against it). ICU MessageFormat
 * (intl-messageformat): `{name}` an argument, `{n, plural, one {…} other {…}}`, `{x, select, a {…} other {…}}`;
 * `#` inside a plural is the number; a quote before a brace is ICU's escape ('{' is a literal brace).
 * Values go in already escaped for Slack mrkdwn (blocks.ts plain). Sections by feature; keys start with theirs.
 */
export const en = {
  // ── formats ──
  'format.minutes': '{m}m',
  'format.hours': '{h}h',
  'format.hoursMinutes': '{h}h {m}m',

  // ── errors (errors.ts toUserMessage) ──
  'error.cor.unauthorized': 'COR did not accept your sign-in. Run `/cor link` to connect your COR account again.',
  'error.cor.forbidden': 'COR says you are not allowed to do that.',
  'error.cor.not_found': 'COR could not find that (it may have been deleted).',
  'error.cor.validation': 'COR refused the change as invalid.',
  'error.cor.validationSaid': 'COR refused the change as invalid: {corSaid}',
  'error.cor.rate_limited': 'COR is busy right now. Please try again in a minute.',
  'error.cor.server': 'COR is having trouble right now. Please try again in a few minutes.',
  'error.cor.network': 'I could not reach COR. Please try again in a few minutes.',
  'error.cor.timeout': 'COR took too long to answer. Please try again in a few minutes.',
  'error.cor.bad_response': 'COR answered in a way I did not understand. The team has been told.',
  'error.not_linked': 'Your Slack account is not linked to COR yet. Run `/cor link` first.',
  'error.needs_relink': 'COR no longer accepts my access for you. Run `/cor link` to link again.',
  'error.linking_off': 'Linking to COR is not set up yet (COR_AUTHORIZE_URL is not set). Ask whoever runs the bot to set it.',
  'error.unknown': 'Something went wrong on my side. Please try again; if it keeps happening, tell your COR admin.',
  'error.incompleteRequest': 'That request was incomplete; please try the command again.',

  // ── help (/cor help, the usage card) ──
  'help.lead': 'Log your COR hours and move your tasks without leaving Slack:',
  'help.unknown': 'I don\'t know `{sub}` yet. Here is what I can do:',
  'help.log': 'log time in plain words (English, Spanish, Portuguese)',
  'help.logLine': 'a whole day in one line (up to 10 entries)',
  'help.logForm': 'open the log-time form',
  'help.tasks': 'your open tasks, with status changes and quick logging',
  'help.task': 'one task, to change its status or log time on it',
  'help.timer': 'a timer that becomes one entry',
  'help.summary': 'what you logged, against your target',
  'help.remind': 'your daily reminder settings',
  'help.digest': 'for leads: who of your people is short of hours, with nudges',
  'help.link': 'connect your COR account',
  'help.language': 'the language I speak to you: es, pt, en, or auto (your Slack language)',
  'help.argWords': 'words',
  'help.argLink': 'link',
  'help.argTask': 'task',
  'help.help': 'this card',
  'help.exampleLog': '2h30 on Homepage redesign yesterday',
  'help.exampleLine': '3h homepage, 2h QA, 1h weekly',
  'help.footer': 'Or just write the same words to me here in Messages, or reply to a reminder. Dates and times use your Slack time zone.',
  'help.footerUndo': 'Or just write the same words to me here in Messages, or reply to a reminder. Every entry waits {seconds} s with an *Undo* before it goes to COR. Dates and times use your Slack time zone.',

  // ── language (/cor language) ──
  'language.name.en': 'English',
  'language.name.es': 'Spanish',
  'language.name.pt': 'Portuguese',
  'language.now': 'I speak to you in *{name}*{auto, select, yes { (your Slack language)} other {}}. Change it with `/cor language es`, `pt`, `en` or `auto`.',
  'language.set': 'From now on I speak to you in *{name}*.',
  'language.setAuto': 'From now on I follow your Slack language: *{name}*.',
  'language.unknown': 'I speak `es` (Spanish), `pt` (Portuguese) and `en` (English); `auto` follows your Slack language. For example: `/cor language es`.',

  // ── link card (person.ts) ──
  'link.card.lead': 'Link your COR account so I can log time and move tasks as you.',
  'link.card.notLinked': 'First, link your COR account so I can act as you in COR.',
  'link.card.needsRelink': 'COR no longer accepts my access for you. Link your COR account again to go on.',
  'link.card.relink': 'You are linked as *{name}*. To switch or refresh the link, go through COR again.',
  'link.card.guess': 'You are *{name}* in COR? Link to let me log time for you.',
  'link.card.button': 'Link my COR account',
  'link.card.again': 'Link again',
  'link.card.footer': 'The link opens COR and is good for 10 minutes, once.',

  // ── acknowledged work (accepted.ts) ──
  'accepted.notSaved': '⚠️ Not saved: I could not record that just now (my storage is not answering). Nothing was done; please try again in a minute.',
  'accepted.unknownKind': 'I could not finish your last request (this version of the bot does not know it). Please send it again.',
  'accepted.gaveUp': 'I could not finish your last request: it stopped me several times. Please send it again, or check in COR whether it was done.',

  // ── log-time ──
  // ── end log-time ──

  // ── tasks ──
  'tasks.reading': '⏳ Reading your tasks…',
  'tasks.readingOne': '⏳ Reading the task…',
  'tasks.which': 'Which task? `/cor task #48211`, paste its COR link, or a few words of its title.',
  'tasks.list.none': 'You have no open tasks in COR. 🎉',
  'tasks.list.noneMatching': 'No open task of yours matches {query}.',
  'tasks.list.head': '*Your open tasks* ({from}–{to} of {total})',
  'tasks.list.headMatching': '*Your open tasks matching {query}* ({from}–{to} of {total})',
  'tasks.list.text': 'Your open tasks ({total})',
  'tasks.list.more': 'Show more ({left} left)',
  'tasks.noProject': 'No project',
  'tasks.notFound': 'I could not find {ref} among your tasks in COR. Try its `#id` or paste its COR link.',
  'tasks.shortcut.noTask': "That message does not link a COR task (a COR task link or `#id`). Try `/cor task '<words>'`.",
  'tasks.status.nueva': 'New',
  'tasks.status.en_proceso': 'In progress',
  'tasks.status.estancada': 'Stalled',
  'tasks.status.finalizada': 'Done',
  'tasks.status.none': 'No status',
  'tasks.priority.0': 'Low',
  'tasks.priority.1': 'Medium',
  'tasks.priority.2': 'High',
  'tasks.priority.3': 'Urgent',
  'tasks.priority.none': 'No priority',
  'tasks.priority.other': 'Priority {n}',
  'tasks.due': 'Due {date}',
  'tasks.overdue': '⚠️ *Overdue* since {date}',
  'tasks.button.changeStatus': 'Change status',
  'tasks.button.logTime': 'Log time',
  'tasks.form.title': 'COR task',
  'tasks.form.cancel': 'Cancel',
  'tasks.form.close': 'Close',
  'tasks.form.save': 'Save',
  'tasks.form.loading': '⏳ Reading task #{id} from COR…',
  'tasks.form.gone': 'Task #{id} does not exist in COR any more, or you cannot see it.',
  'tasks.form.now': 'Now: {status} · {priority}',
  'tasks.form.status': 'Status',
  'tasks.form.priority': 'Priority',
  'tasks.form.duration': 'Also log time today',
  'tasks.form.durationHint': 'Like 1h30 or 45m; empty logs nothing.',
  'tasks.form.saving': '⏳ Saving in COR…',
  'tasks.form.outOfDate': 'This form is out of date; close it and open it again.',
  'tasks.form.hoursOrMinutes': 'Hours or minutes? Write {n}h or {n}m.',
  'tasks.form.writeDuration': 'Write a duration like 1h30 or 45m.',
  'tasks.form.negative': 'Time cannot be negative.',
  'tasks.form.tooLong': "{duration} is not a day's worth of time.",
  'tasks.form.pickStatus': 'Pick a status.',
  'tasks.changed': '✓ *{title}* is now *{status}*, priority *{priority}*.',
  'tasks.notChanged': '⚠️ Task #{id} was not changed: {message}',
  'tasks.notLinkedAnyMore': 'Your Slack account is not linked to COR any more: run `/cor link` first.',
  'tasks.refused.forbidden': 'COR says you are not allowed to change this task.',
  'tasks.refused.gone': 'This task does not exist in COR any more.',
  'tasks.refused.said': 'COR refused the change: {corSaid}.',
  'tasks.refused.invalid': 'COR refused the change: invalid values.',
  'tasks.logged.written': '✓ {duration} logged on it today.',
  'tasks.logged.scheduled': '⏳ {duration} will be logged on it today in {seconds} s (undo it from the message I sent you).',
  'tasks.logged.relink': '⏳ {duration} saved: COR no longer accepts my access for you, I will log it as soon as you link again (`/cor link`).',
  'tasks.logged.queued': '⏳ {duration} queued: COR is not answering, I will log it as soon as it does.',
  'tasks.logged.failed': '⚠️ The {duration} could not be logged: {reason}.',
  'tasks.logged.unlinked': '⚠️ The {duration} were not logged: you unlinked from COR meanwhile.',
  // ── end tasks ──

  // ── projects ──
  // ── end projects ──

  // ── timers ──
  'timer.tooShort': 'Your timer on *{title}* ran less than a minute, so nothing was logged.',
  'timer.refused': "COR refused the timer's entry on *{title}*: {reason}.",
  'timer.stopped': '{state, select, queued {⏳ Saved} waiting {⏳ Logging} other {✓ Logged}} *{duration}* on *{title}*, {from}–{to}{parts, plural, =1 {} other { (split at midnight into # entries)}}{tail, select, relink {; COR no longer accepts my access for you: it will be written as soon as you link again (`/cor link`)} queued {; COR is not answering, it will be written as soon as it can} other {}}.',
  'timer.stoppedPrevious': 'Stopped your previous timer. {stopped}',
  'timer.started': '⏱ Timer started on *{title}* at {time}. `/cor stop` when you are done.',
  'timer.running': '⏱ Running on *{title}* since {time} ({duration} so far). `/cor stop` to log it.',
  'timer.none': "No timer is running. Start one with `/cor start '<task>'`.",
  'timer.nothingToStop': 'No timer is running, so there was nothing to stop.',
  'timer.startUsage': 'Start a timer on which task? `/cor start #48211` or `/cor start homepage hero`.',
  'timer.choose': 'Several tasks fit; start it with the id:\n{options}',
  'timer.noTask': 'I could not find an open task of yours matching “{query}”.',
  // ── end timers ──

  // ── reminders ──
  // ── end reminders ──

  // ── digests ──
  // ── end digests ──

  // ── home ──
  // ── end home ──

  // ── summary ──
  // ── end summary ──

  // ── linking ──
  // ── end linking ──

  // ── consent pages (http/) ──
  // ── end consent pages (http/) ──

  // ── workspace ──
  // ── end workspace ──
} as const;
