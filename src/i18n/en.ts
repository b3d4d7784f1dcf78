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
  'help.unknown': 'I don\u2019t know `{sub}` yet. Here is what I can do:',
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
  // ── end tasks ──

  // ── projects ──
  'project.usage': '`/cor project new` makes this channel a COR project; `/cor project edit` changes it. (C-Level, Director and Project Manager roles in COR.)',
  'project.off': 'Projects from channels are not set up here: ask whoever runs this bot to set COR_INTEGRATION_SOURCE.',
  'project.noChannel': 'Run this in the channel that should become the project.',
  'project.notLead': 'Only people with the C-Level, Director or Project Manager role in COR can create or change projects.',
  'project.already': 'This channel is already the COR project *{name}*: use `/cor project edit` to change it.',
  'project.form.titleNew': 'New COR project',
  'project.form.titleEdit': 'Edit COR project',
  'project.form.close': 'Close',
  'project.form.checking': '⏳ Checking with COR…',
  'project.form.save': 'Save',
  'project.form.create': 'Create',
  'project.form.cancel': 'Cancel',
  'project.form.lead': "For #{channel}: this channel's COR project, the default for `/cor log` and `/cor tasks` here.{edit, select, yes { Empty fields stay as they are.} other {}}",
  'project.form.name': 'Name',
  'project.form.client': 'Client (its external id)',
  'project.form.brief': 'Brief',
  'project.form.start': 'Start',
  'project.form.end': 'End',
  'project.form.hours': 'Estimated hours',
  'project.form.income': 'Income type',
  'project.form.billable': 'Billable',
  'project.form.billableOption': 'Billable to the client',
  'project.form.startHint': 'In words: "next monday", "15/01", "end of march". Press Enter to check.',
  'project.form.endHint': 'In words, like the start.',
  'project.form.dateUnread': '⚠️ I cannot read that date. Try "next monday", "15/01" or "end of march".',
  'project.form.dateRead': '→ {day} {year}',
  'project.income.fee': 'Fee',
  'project.income.one_time': 'One time',
  'project.income.hourly_rate': 'Hourly rate',
  'project.income.contract': 'Contract',
  'project.check.noName': 'Give the project a name.',
  'project.check.longName': 'At most 200 characters.',
  'project.check.startUnread': 'I cannot read that date. Try "next monday", "15/01" or "end of march".',
  'project.check.endUnread': 'I cannot read that date. Try "end of march" or "2027-03-31".',
  'project.check.hours': 'A number of hours, like 120.',
  'project.check.outOfDate': 'This form is out of date; close it and open it again.',
  'project.check.unlinked': 'Your Slack account is not linked to COR any more: run /cor link first.',
  'project.refusal.duplicate': 'This channel already has a COR project: use `/cor project edit` to change it.',
  'project.refusal.unknown_client': 'COR has no client with that external id.',
  'project.refusal.date_range': 'The end comes before the start.',
  'project.refusal.source_refused': 'COR does not accept the integration source this bot is configured with (COR_INTEGRATION_SOURCE): tell your Slack admin.',
  'project.refusal.gone': 'This channel’s project is not in COR any more.',
  'project.refusal.refused': 'COR refused the project: invalid values.',
  'project.refusal.refusedSaid': 'COR refused the project: {corSaid}.',
  'project.refusal.forbidden': 'COR says you are not allowed to create or change projects.',
  'project.refusal.no_project': 'This channel has no COR project yet: use `/cor project new`.',
  'project.refusal.off': 'Projects from channels are not set up (COR_INTEGRATION_SOURCE).',
  'project.done.created': '✓ This channel is now the COR project *{name}*. `/cor log` and `/cor tasks` here look at its tasks first.',
  'project.done.saved': '✓ Saved the COR project *{name}*.',
  'project.saving': '⏳ Saving in COR…',
  'project.lateRefusal': '⚠️ {refusal}\nRun `/cor project {mode}` again to fix it.',
  // ── end projects ──

  // ── timers ──
  // ── end timers ──

  // ── reminders ──
  // ── end reminders ──

  // ── digests ──
  // ── end digests ──

  // ── home ──
  'home.title': 'COR for Slack',
  'home.welcome': 'Log your hours and move your COR tasks without leaving Slack. Run `/cor link` to connect your COR account.',
  'home.linkButton': 'Link my COR account',
  'home.logTime': 'Log time',
  'home.reminderSettings': 'Reminder settings',
  'home.linkedAs': 'Linked to COR as *{name}* · `/cor help` for everything',
  'home.today': '*Today*',
  'home.week': '*This week*: {logged} of {target}',
  'home.hoursUnknown': '_COR did not answer: your hours will show here when it does._',
  'home.timer': '⏱ Timer running on *{task}* since {since} ({minutes})',
  'home.stop': 'Stop',
  'home.tasks': '*Your open tasks* ({shown} of {total}, by deadline) · `/cor tasks` for all',
  'home.tasksNone': '*Your open tasks*: none. 🎉',
  'home.tasksUnknown': '_COR did not answer: your tasks will show here when it does._',
  'home.reminders': '*Reminders*',
  'home.digests.own': '*Your digests* · `/cor digest` to add one',
  'home.digests.many': '{n} digests: the first 5 below, all of them in `/cor digest`.',
  'home.digests.dm': 'a DM to you',
  'home.including.head': '*Summaries that include you* (your hours against your target; never rates or notes)',
  'home.including.line': '• <@{owner}> gets one {when}{posted, select, yes {, posted in <#{channel}>} other {}}{paused, select, yes { (paused)} other {}}',
  'home.including.none': '*Summaries that include you*: none. Leads can get a summary of their people’s hours; if one includes you, it shows here.',
  'home.language.label': '*Language*: the one I speak to you here and in every answer',
  'home.language.auto': 'Follow Slack ({name})',
  // ── end home ──

  // ── summary ──
  'summary.reading': '⏳ Reading your hours…',
  'summary.nothing': 'Nothing to show.',
  'summary.todayHead': '*Today, {day}*',
  'summary.nothingToday': "Nothing logged yet today. Try `/cor log 2h on '<'task>`.",
  'summary.todayText': 'Today: {logged} of {target}',
  'summary.weekHead': '*This week*: {logged} of {target}',
  'summary.weekText': 'This week: {logged} of {target}',
  'summary.byTask': '*By task*',
  'summary.dayOfTarget': '{label}: {logged} of {target}',
  'summary.dayLogged': '{label}: {logged}',
  'summary.notWorkday': 'not a workday',
  'summary.onLeave': 'on leave ({name})',
  'summary.halfDayLeave': 'half-day {name}',
  // ── end summary ──

  // ── linking ──
  // ── end linking ──

  // ── consent pages (http/) ──
  // ── end consent pages (http/) ──

  // ── workspace ──
  // ── end workspace ──
} as const;
