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
  'remind.reading': '⏳ Reading your reminder settings…',
  'remind.dm.text': '{kind, select, day {⏰ Time to log your hours. You logged {logged} of {target} today ({date}): {missing} missing.} other {☀️ Before you start: your last workday. You logged {logged} of {target} on {date}: {missing} missing.}}',
  'remind.dm.head': '{kind, select, day {⏰ Time to log your hours} other {☀️ Before you start: your last workday}}',
  'remind.dm.body': '{kind, select, day {You logged *{logged}* of {target} today ({date}): *{missing} missing*.} other {You logged *{logged}* of {target} on {date}: *{missing} missing*.}}',
  'remind.dm.targetNote': '_(target adjusted: {note})_',
  'remind.button.logHour': 'Log 1h',
  'remind.button.logTime': 'Log time',
  'remind.button.snooze': 'Snooze 1h',
  'remind.button.skipToday': 'Skip today',
  'remind.button.skip': 'Skip',
  'remind.button.settings': 'Settings',
  'remind.done': '{kind, select, day {✓ {logged} logged today ({date}). Thanks!} other {✓ {logged} logged on {date}. Thanks!}}',
  'remind.snoozed': '😴 Snoozed: I will remind you again at {time}.',
  'remind.skipped': 'Skipped: no more reminders for {date}. `/cor remind` changes your reminder settings.',
  'remind.linkFirst': 'Link your COR account first: {url}',
  'remind.settings.title': '*Your reminders*',
  'remind.settings.saved': '✓ Saved.',
  'remind.settings.savedBold': '✓ *Saved.*',
  'remind.settings.change': 'Change in a form',
  'remind.settings.off': 'Reminders are *off*. `/cor remind on` turns them back on.',
  'remind.settings.dailyOwn': 'Daily reminder at *{time}* ({tz}) on {days}, when you have logged less than your COR daily hours.',
  'remind.settings.dailyTarget': 'Daily reminder at *{time}* ({tz}) on {days}, when you have logged less than *{target}*.',
  'remind.settings.corDays': 'your COR working days (else Mon–Fri)',
  'remind.settings.dayRange': '{from}–{to}',
  'remind.settings.morningOn': 'Morning recap of the previous workday: *on*, at {time}.',
  'remind.settings.morningOff': 'Morning recap of the previous workday: off.',
  'remind.settings.awayOn': 'No reminder while your Slack status says you are away: *on*.',
  'remind.settings.awayOff': 'No reminder while your Slack status says you are away: off.',
  'remind.settings.skipping': 'Skipping: {dates}.',
  'remind.settings.noSkips': 'No days skipped.',
  'remind.day.1': 'Mon',
  'remind.day.2': 'Tue',
  'remind.day.3': 'Wed',
  'remind.day.4': 'Thu',
  'remind.day.5': 'Fri',
  'remind.day.6': 'Sat',
  'remind.day.7': 'Sun',
  'remind.usage': '`/cor remind`  see your reminder settings\n`/cor remind at 18:00`  the time of the daily DM (your time zone)\n`/cor remind off` / `on`  stop or restart reminders\n`/cor remind weekdays mon-thu`  which days (`weekdays auto` = your COR working days)\n`/cor remind skip tomorrow` / `skip until 2026-12-02` / `skip none`\n`/cor remind target 6h`  your daily target (`target auto` = COR\'s)\n`/cor remind morning on` / `morning at 9:00`  also a morning DM about the previous workday\n`/cor remind away on`  no DM while your Slack status says you are away',
  'remind.form.title': 'COR reminders',
  'remind.form.save': 'Save',
  'remind.form.cancel': 'Cancel',
  'remind.form.enabled': 'Daily reminder',
  'remind.form.enabledText': 'Remind me when I am short of my hours',
  'remind.form.time': 'At (your time)',
  'remind.form.days': 'On',
  'remind.form.daysHint': 'None ticked: your COR working days (else Monday to Friday).',
  'remind.form.target': 'Daily target',
  'remind.form.targetHint': 'Like 6h or 7h30. Empty: your COR daily hours.',
  'remind.form.morning': 'Morning recap',
  'remind.form.morningText': 'Also remind me in the morning about the previous workday',
  'remind.form.morningTime': 'Morning recap at',
  'remind.form.away': 'When I am away',
  'remind.form.awayText': 'No reminder while my Slack status says I am away',
  'remind.form.pickTime': 'Pick a time.',
  'remind.form.morningFirst': 'The morning recap must come before the daily reminder.',
  'remind.form.badTarget': 'Write hours like 6h or 7h30 (at most 24h), or leave it empty.',
  'remind.form.stale': 'This form is out of date; close it and open it again.',
  'remind.form.notLinked': 'Your Slack account is not linked to COR any more: run /cor link first.',
  'remind.problem.nothing': '(nothing)',
  'remind.problem.word': 'I did not understand "{word}".',
  'remind.problem.after': 'I did not understand "{arg}" after "{key}".',
  'remind.problem.time': '"{arg}" is not a time of day: try `at 18:00` or `at 6pm`.',
  'remind.problem.days': '"{arg}" is not a list of days: try `weekdays mon-thu` or `weekdays mon,wed,fri`.',
  'remind.problem.date': '"{arg}" is not a date I can read: try `skip tomorrow`, `skip friday` or `skip until 2026-12-02`.',
  'remind.problem.past': '{date} is already past.',
  'remind.problem.tooFar': 'That is more than a year away: turn reminders off instead (`/cor remind off`).',
  'remind.problem.target': '"{arg}" is not a daily target: try `target 6h` or `target 7h30` (at most 24h).',
  'remind.problem.morning': 'Try `morning on`, `morning off` or `morning at 9:00`.',
  'remind.problem.away': 'Try `away on` or `away off`.',
  // ── end reminders ──

  // ── digests ──
  'digest.pending': '⏳ …',
  'digest.refused': 'Digests are for leads: only people with the C-Level, Director or Project Manager role in COR can set them up.',
  'digest.lead': '*Hours for {weekly, select, yes {the week of {date}} other {{date}}}*: {short, plural, =0 {nobody is short} one {# of {total} person is short} other {# of {total} people are short}}.',
  'digest.row.unlinked': '*{name}* — not linked to COR',
  'digest.row.onLeave': '*{name}* — on leave',
  'digest.row.noTarget': '*{name}* — {logged} (no hours expected){leaveDays, plural, =0 {} one { (# day of leave)} other { (# days of leave)}}',
  'digest.row.hours': '*{name}* — {logged} of {target}{state, select, short { — *{missing} short*} over { ✓} other {}}{leaveDays, plural, =0 {} one { (# day of leave)} other { (# days of leave)}}{notOver, select, yes { (their day is not over yet)} other {}}',
  'digest.row.nudged': '{row} · nudged today',
  'digest.button.sendLink': 'Send link',
  'digest.button.nudge': 'Nudge',
  'digest.button.nudgeAll': 'Nudge everyone short',
  'digest.button.logTime': 'Log time',
  'digest.button.new': 'New digest',
  'digest.button.edit': 'Edit',
  'digest.button.pause': 'Pause',
  'digest.button.resume': 'Resume',
  'digest.button.delete': 'Delete',
  'digest.more': '…and {n} more (a Slack message holds only so many).',
  'digest.footer': 'Hours against each person’s own target. Everyone linked to COR in this summary sees in their App Home that it includes them.',
  'digest.nudge': '⏰ <@{lead}> asked me to remind you: you logged {logged} of {target} for {weekly, select, yes {the week of {date}} other {{date}}}.',
  'digest.list.none': 'You have no digests yet. A digest tells you who is short of hours, with one-click nudges.',
  'digest.list.lead': 'Your digests ({n}):',
  'digest.list.line': '{paused, select, yes {⏸ } other {}}*{weekly, select, yes {Mondays at {time}, about last week} other {each workday at {time}, about the workday before}}* · {audience} → {where} · {short}',
  'digest.list.more': '…and {n} more.',
  'digest.audience.group': 'a Slack user group',
  'digest.audience.project': 'the people on COR project {project}',
  'digest.audience.people': '{n, plural, one {# person} other {# people}}',
  'digest.where.dmToYou': 'a DM to you',
  'digest.where.ourDm': 'our DM',
  'digest.short.own': 'short under their own target',
  'digest.short.under': 'short under {hours}',
  'digest.savedWeekly': '✓ Saved: Mondays at {time} ({tz}).',
  'digest.savedDaily': '✓ Saved: each workday at {time} ({tz}).',
  'digest.deleted': '✓ Deleted.',
  'digest.paused': '⏸ Paused.',
  'digest.resumed': '▶︎ Resumed.',
  'digest.gone': 'That digest is gone.',
  'digest.nudged.sent': '✓ Nudged {names}.',
  'digest.nudged.already': 'Already nudged today: {names}.',
  'digest.nudged.notShort': 'Not short any more: {names}.',
  'digest.nudged.failed': 'Could not reach {names}: try again.',
  'digest.nudged.unsure': 'Slack did not answer while I nudged {names}: the DM may be there. I will not send it again today.',
  'digest.nudged.nobodyShort': 'Nobody is short.',
  'digest.nudged.nobody': 'Nobody to nudge.',
  'digest.sentLink': '✓ Sent <@{user}> the link to COR.',
  'digest.postFailed': 'I could not post your digest in {where} ({error}). {notInChannel, select, yes {Invite me there, or pick another channel} other {Check it}} with `/cor digest`.',
  'digest.unknown': 'I cannot tell whether your digest{about, select, week { about the week of {date}} day { about {date}} other {}} went out in {where} (I was stopped, or Slack did not answer, while posting it). Look there; I did not post it again, so it cannot show twice.',
  'digest.ownerNoLongerLeads': 'Your digest was not sent: COR no longer gives you the C-Level, Director or Project Manager role, and digests are for leads. Pause or delete it with `/cor digest`.',
  'digest.form.title': 'Digest',
  'digest.form.titleNew': 'New digest',
  'digest.form.titleEdit': 'Edit digest',
  'digest.form.save': 'Save',
  'digest.form.cancel': 'Cancel',
  'digest.form.close': 'Close',
  'digest.form.daily': 'Each workday, about the one before',
  'digest.form.weekly': 'Mondays, about last week',
  'digest.form.project': 'Everyone on this channel’s COR project, {name}',
  'digest.form.projectId': 'Everyone on this channel’s COR project {project}',
  'digest.form.who': 'Who',
  'digest.form.people': 'People',
  'digest.form.usergroup': 'Or a user group',
  'digest.form.channel': 'Post it in (empty: a DM to you)',
  'digest.form.channelHint': 'A channel I am in. Names only, nobody is @mentioned.',
  'digest.form.when': 'When',
  'digest.form.time': 'At (your time)',
  'digest.form.short': 'Short under (hours a workday; empty: their own target)',
  'digest.form.language': 'Written in',
  'digest.form.languageOwn': 'My language ({name})',
  'digest.form.languageEn': 'English',
  'digest.form.languageEs': 'Español',
  'digest.form.languagePt': 'Português',
  'digest.form.stale': 'This form is out of date; close it and open it again.',
  'digest.form.pickOne': 'Pick people, or a user group (one of the two).',
  'digest.form.pickOneOrProject': 'Pick people, a user group, or the project’s people (one of them).',
  'digest.form.tooMany': 'Up to 500 people; use a user group for more.',
  'digest.form.badShort': 'Write hours like 6 or 7h30, or leave it empty for their own target.',
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
