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
  // ── end home ──

  // ── summary ──
  // ── end summary ──

  // ── linking ──
  'linking.whoami.linked': 'Linked as *{name}*, COR user {corUserId}, since {since}.',
  'linking.whoami.linkedEmail': 'Linked as *{name}* ({email}), COR user {corUserId}, since {since}.',
  'linking.whoami.access': 'COR access: {state, select, active {active (renewed automatically)} needs_relink {expired for good: run `/cor link` to link again} unverified {could not be checked (COR did not answer); it will be retried} other {missing: run `/cor link`}}.',
  'linking.whoami.zone': 'Time zone: {tz} · Language:{language, select, es { Spanish} pt { Portuguese} other { English}} {how, select, chosen {(your choice; `/cor language auto` follows Slack again)} other {(follows Slack)}}',
  'linking.entry': '• {duration} on task #{taskId}, {when}',
  'linking.more': '• …and {n} more',
  'linking.unlink.nothing': 'You were not linked, so there was nothing to remove.',
  'linking.unlink.done': 'Unlinked. Your COR tokens are deleted; I can no longer act as you in COR.',
  'linking.unlink.cancelled': 'These were still waiting for COR and *will not be written*:',
  'linking.unlink.unknown': 'These *may already be in COR* (COR did not answer an earlier try, and I can no longer check): look in COR before logging them again:',
  'linking.unlink.inFlight': 'These are *being written to COR right now*; I will tell you how each one ends:',
  'linking.unlink.timer': 'Your running timer on task #{taskId} was discarded.',
  'linking.unlink.again': 'Run `/cor link` whenever you want to link again.',
  'linking.welcome.lead': 'You are linked to COR as *{name}*. Things to try:',
  'linking.welcome.text': 'You are linked to COR as {name}.',
  'linking.welcome.tipLog': "`/cor log 2h on '<task>' yesterday`: log time in plain words",
  'linking.welcome.tipTasks': '`/cor tasks`: your open tasks',
  'linking.welcome.tipWhoami': '`/cor whoami`: check the link',
  'linking.welcome.emailDifferent': 'Your COR email ({corEmail}) is not your Slack email ({slackEmail}). If that is not you in COR, run `/cor unlink` and link again.',
  'linking.welcome.emailUnknown': 'I could not compare your COR email with your Slack email (I do not know one of them). If that is not you in COR, run `/cor unlink` and link again.',
  'linking.welcome.ended': '{n, plural, one {# time entry that waited was asked as another COR account, so I did *not* write it as this one} other {# time entries that waited were asked as another COR account, so I did *not* write them as this one}} (look in COR, then log again what is yours):',
  'linking.welcome.released': '{n, plural, one {# time entry that waited for you is being written now} other {# time entries that waited for you are being written now}}; I will tell you when each is logged.',
  'linking.relink.lead': 'COR stopped accepting my access for you (your COR session ended or was revoked), so I cannot log time or change tasks for you until you link again.{n, plural, =0 {} one { Your # time entry not yet in COR is kept: it waits for you, and will be written as soon as you link again.} other { Your # time entries not yet in COR are kept: they wait for you, and will be written as soon as you link again.}}',
  'linking.relink.button': 'Link again',
  'linking.relink.run': 'Run `/cor link` to link again.',
  'linking.refused.different': 'I did not link you to COR: the COR account that approved your link belongs to another COR user (its email is not your Slack email). A link is only for your own COR account: sign in to COR as yourself and run `/cor link` again.',
  'linking.refused.unknown': 'I did not link you to COR: I could not check that the COR account that approved your link is yours, because Slack did not tell me your email (or that COR account has none). Whoever runs the bot can check that the app has the `users:read.email` permission.',
  'linking.claimed.linked': '{who} linked your COR account ({email}) to their own Slack user: someone signed in to COR as you approved the link {who} started, and this workspace allows links whose emails differ.',
  'linking.claimed.linkedNow': '{who} can now log time and change tasks *as you* in COR through me. If that is not what you wanted, ask {who} to run `/cor unlink`, or ask whoever runs the bot to remove the link.',
  'linking.claimed.tried': '{who} tried to link your COR account ({email}) to their own Slack user: someone signed in to COR as you approved the link {who} started.',
  'linking.claimed.nothing': '*Nothing was linked*: {who} cannot act as you in COR through me. A link is only ever for your own Slack user; to link yours, run `/cor link`.',
  // ── end linking ──

  // ── consent pages (http/) ──
  'page.linked.title': 'Linked as {name}',
  'page.linked.message': 'You can close this tab and go back to Slack.',
  'page.missing_state.title': 'This link is incomplete',
  'page.missing_state.message': 'Start again from Slack with /cor link.',
  'page.unknown_state.title': 'This link is not valid',
  'page.unknown_state.message': 'It was not made for this bot. Start again from Slack with /cor link.',
  'page.used_state.title': 'This link was already used',
  'page.used_state.message': 'Each link works once. Start again from Slack with /cor link.',
  'page.expired_state.title': 'This link has expired',
  'page.expired_state.message': 'Links are good for 10 minutes. Start again from Slack with /cor link.',
  'page.denied.title': 'Not linked',
  'page.denied.message': 'You did not allow access in COR, so nothing changed. You can try again any time with /cor link.',
  'page.missing_code.title': 'COR did not send a code',
  'page.missing_code.message': 'Nothing changed. Start again from Slack with /cor link.',
  'page.exchange_failed.title': 'COR did not confirm the link',
  'page.exchange_failed.message': 'Nothing changed. Please try again in a minute with /cor link.',
  'page.email_mismatch.title': 'Not linked: this COR account is not theirs',
  'page.email_mismatch.message': 'The email of the COR account that approved this link is not the Slack email of the person who asked for it, so nothing was linked and no access to this COR account was kept. A link is only ever for your own Slack user: to link yours, run /cor link in Slack and sign in to COR as yourself.',
  'page.email_unknown.title': 'Not linked: could not check whose COR account this is',
  'page.email_unknown.message': 'Slack did not tell me the email of the person who asked for this link (or this COR account has none), so I could not check that this COR account is theirs. Nothing was linked and no access to this COR account was kept. Whoever runs the bot can check that the Slack app has the users:read.email permission.',
  // ── end consent pages (http/) ──

  // ── workspace ──
  'workspace.installed.title': 'COR is installed',
  'workspace.installed.message': 'Go back to Slack and try /cor help, then /cor link.',
  'workspace.failed.title': 'The installation did not finish',
  'workspace.failed.message': 'Nothing was installed. Please start again from the install link.',
  // ── end workspace ──
} as const;
