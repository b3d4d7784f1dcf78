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
