import type { Catalog } from './catalog.ts';

/** Spanish (neutral, Latin America, "tú"): every key of the English catalog (en.ts), the same arguments. */
export const es: Catalog = {
  // ── formats ──
  'format.minutes': '{m} min',
  'format.hours': '{h} h',
  'format.hoursMinutes': '{h} h {m} min',

  // ── errors (errors.ts toUserMessage) ──
  'error.cor.unauthorized': 'COR no aceptó tu inicio de sesión. Usa `/cor link` para volver a conectar tu cuenta de COR.',
  'error.cor.forbidden': 'COR dice que no tienes permiso para hacer eso.',
  'error.cor.not_found': 'COR no lo encontró (tal vez fue eliminado).',
  'error.cor.validation': 'COR rechazó el cambio por no ser válido.',
  'error.cor.validationSaid': 'COR rechazó el cambio por no ser válido: {corSaid}',
  'error.cor.rate_limited': 'COR está ocupado ahora. Vuelve a intentarlo en un minuto.',
  'error.cor.server': 'COR tiene problemas ahora. Vuelve a intentarlo en unos minutos.',
  'error.cor.network': 'No pude comunicarme con COR. Vuelve a intentarlo en unos minutos.',
  'error.cor.timeout': 'COR tardó demasiado en responder. Vuelve a intentarlo en unos minutos.',
  'error.cor.bad_response': 'COR respondió algo que no entendí. Ya avisamos al equipo.',
  'error.not_linked': 'Tu cuenta de Slack todavía no está vinculada con COR. Primero usa `/cor link`.',
  'error.needs_relink': 'COR ya no acepta mi acceso en tu nombre. Usa `/cor link` para vincularla de nuevo.',
  'error.linking_off': 'La vinculación con COR todavía no está configurada (falta COR_AUTHORIZE_URL). Pídele a quien administra el bot que la configure.',
  'error.unknown': 'Algo salió mal de mi lado. Vuelve a intentarlo; si sigue pasando, avísale a tu administrador de COR.',
  'error.incompleteRequest': 'La solicitud llegó incompleta; vuelve a escribir el comando.',

  // ── help (/cor help, the usage card) ──
  'help.lead': 'Registra tus horas de COR y mueve tus tareas sin salir de Slack:',
  'help.unknown': 'Todavía no sé hacer `{sub}`. Esto es lo que puedo hacer:',
  'help.log': 'registra horas con tus palabras (en español, inglés o portugués)',
  'help.logLine': 'un día entero en una línea (hasta 10 registros)',
  'help.logForm': 'abre el formulario para registrar horas',
  'help.tasks': 'tus tareas abiertas, para cambiar su estado o registrar horas rápido',
  'help.task': 'una tarea, para cambiar su estado o registrarle horas',
  'help.timer': 'un cronómetro que se vuelve un registro',
  'help.summary': 'lo que registraste, frente a tu objetivo',
  'help.remind': 'la configuración de tu recordatorio diario',
  'help.digest': 'para líderes: quién de tu equipo tiene horas pendientes, con avisos',
  'help.link': 'conecta tu cuenta de COR',
  'help.language': 'el idioma en que te hablo: es, pt, en o auto (el idioma de tu Slack)',
  'help.argWords': 'palabras',
  'help.argLink': 'enlace',
  'help.argTask': 'tarea',
  'help.help': 'esta tarjeta',
  'help.exampleLog': '2h30 en Rediseño de la home ayer',
  'help.exampleLine': '3h home, 2h QA, 1h semanal',
  'help.footer': 'O simplemente escríbeme lo mismo aquí en Mensajes, o responde a un recordatorio. Las fechas y horas usan la zona horaria de tu Slack.',
  'help.footerUndo': 'O simplemente escríbeme lo mismo aquí en Mensajes, o responde a un recordatorio. Cada registro espera {seconds} s con un botón *Deshacer* antes de ir a COR. Las fechas y horas usan la zona horaria de tu Slack.',

  // ── language (/cor language) ──
  'language.name.en': 'inglés',
  'language.name.es': 'español',
  'language.name.pt': 'portugués',
  'language.now': 'Te hablo en *{name}*{auto, select, yes { (el idioma de tu Slack)} other {}}. Cámbialo con `/cor language es`, `pt`, `en` o `auto`.',
  'language.set': 'Desde ahora te hablo en *{name}*.',
  'language.setAuto': 'Desde ahora sigo el idioma de tu Slack: *{name}*.',
  'language.unknown': 'Hablo `es` (español), `pt` (portugués) y `en` (inglés); `auto` sigue el idioma de tu Slack. Por ejemplo: `/cor language es`.',

  // ── link card (person.ts) ──
  'link.card.lead': 'Vincula tu cuenta de COR para que pueda registrar horas y mover tareas en tu nombre.',
  'link.card.notLinked': 'Primero vincula tu cuenta de COR para que pueda actuar en tu nombre en COR.',
  'link.card.needsRelink': 'COR ya no acepta mi acceso en tu nombre. Vincula de nuevo tu cuenta de COR para seguir.',
  'link.card.relink': 'Tu cuenta está vinculada como *{name}*. Para cambiar o renovar el vínculo, pasa de nuevo por COR.',
  'link.card.guess': '¿Eres *{name}* en COR? Vincula tu cuenta para que pueda registrar horas por ti.',
  'link.card.button': 'Vincular mi cuenta de COR',
  'link.card.again': 'Vincular de nuevo',
  'link.card.footer': 'El enlace abre COR y sirve una sola vez, durante 10 minutos.',

  // ── acknowledged work (accepted.ts) ──
  'accepted.notSaved': '⚠️ No se guardó: no pude registrarlo ahora (mi almacenamiento no responde). No se hizo nada; vuelve a intentarlo en un minuto.',
  'accepted.unknownKind': 'No pude terminar tu último pedido (esta versión del bot no lo conoce). Envíalo de nuevo.',
  'accepted.gaveUp': 'No pude terminar tu último pedido: me detuvo varias veces. Envíalo de nuevo, o revisa en COR si se hizo.',

  // ── log-time ──
  // ── end log-time ──

  // ── tasks ──
  // ── end tasks ──

  // ── projects ──
  // ── end projects ──

  // ── timers ──
  // ── end timers ──

  // ── reminders ──
  'remind.reading': '⏳ Leyendo tu configuración de recordatorios…',
  'remind.dm.text': '{kind, select, day {⏰ Es hora de registrar tus horas. Registraste {logged} de {target} hoy ({date}): faltan {missing}.} other {☀️ Antes de empezar: tu último día laboral. Registraste {logged} de {target} el {date}: faltan {missing}.}}',
  'remind.dm.head': '{kind, select, day {⏰ Es hora de registrar tus horas} other {☀️ Antes de empezar: tu último día laboral}}',
  'remind.dm.body': '{kind, select, day {Registraste *{logged}* de {target} hoy ({date}): *faltan {missing}*.} other {Registraste *{logged}* de {target} el {date}: *faltan {missing}*.}}',
  'remind.dm.targetNote': '_(objetivo ajustado: {note})_',
  'remind.button.logHour': 'Registrar 1 h',
  'remind.button.logTime': 'Registrar horas',
  'remind.button.snooze': 'Posponer 1 h',
  'remind.button.skipToday': 'Omitir hoy',
  'remind.button.skip': 'Omitir',
  'remind.button.settings': 'Configuración',
  'remind.done': '{kind, select, day {✓ {logged} registradas hoy ({date}). ¡Gracias!} other {✓ {logged} registradas el {date}. ¡Gracias!}}',
  'remind.snoozed': '😴 Pospuesto: te lo vuelvo a recordar a las {time}.',
  'remind.skipped': 'Omitido: no habrá más recordatorios para el {date}. `/cor remind` cambia tu configuración de recordatorios.',
  'remind.linkFirst': 'Primero vincula tu cuenta de COR: {url}',
  'remind.settings.title': '*Tus recordatorios*',
  'remind.settings.saved': '✓ Guardado.',
  'remind.settings.savedBold': '✓ *Guardado.*',
  'remind.settings.change': 'Cambiar en un formulario',
  'remind.settings.off': 'Los recordatorios están *desactivados*. `/cor remind on` los vuelve a activar.',
  'remind.settings.dailyOwn': 'Recordatorio diario a las *{time}* ({tz}), días: {days}, cuando hayas registrado menos de tus horas diarias de COR.',
  'remind.settings.dailyTarget': 'Recordatorio diario a las *{time}* ({tz}), días: {days}, cuando hayas registrado menos de *{target}*.',
  'remind.settings.corDays': 'tus días laborales en COR (si no, lun–vie)',
  'remind.settings.dayRange': '{from}–{to}',
  'remind.settings.morningOn': 'Resumen matutino del día laboral anterior: *activado*, a las {time}.',
  'remind.settings.morningOff': 'Resumen matutino del día laboral anterior: desactivado.',
  'remind.settings.awayOn': 'Sin recordatorio mientras tu estado de Slack diga que estás ausente: *activado*.',
  'remind.settings.awayOff': 'Sin recordatorio mientras tu estado de Slack diga que estás ausente: desactivado.',
  'remind.settings.skipping': 'Días omitidos: {dates}.',
  'remind.settings.noSkips': 'Ningún día omitido.',
  'remind.day.1': 'lun',
  'remind.day.2': 'mar',
  'remind.day.3': 'mié',
  'remind.day.4': 'jue',
  'remind.day.5': 'vie',
  'remind.day.6': 'sáb',
  'remind.day.7': 'dom',
  'remind.usage': '`/cor remind`  ve tu configuración de recordatorios\n`/cor remind at 18:00`  la hora del mensaje diario (tu zona horaria)\n`/cor remind off` / `on`  detiene o reanuda los recordatorios\n`/cor remind weekdays mon-thu`  qué días (`weekdays auto` = tus días laborales en COR)\n`/cor remind skip tomorrow` / `skip until 2026-12-02` / `skip none`\n`/cor remind target 6h`  tu objetivo diario (`target auto` = el de COR)\n`/cor remind morning on` / `morning at 9:00`  también un mensaje por la mañana sobre el día laboral anterior\n`/cor remind away on`  sin mensajes mientras tu estado de Slack diga que estás ausente',
  'remind.form.title': 'Recordatorios de COR',
  'remind.form.save': 'Guardar',
  'remind.form.cancel': 'Cancelar',
  'remind.form.enabled': 'Recordatorio diario',
  'remind.form.enabledText': 'Recuérdame cuando me falten horas',
  'remind.form.time': 'A las (tu hora)',
  'remind.form.days': 'Días',
  'remind.form.daysHint': 'Ninguno marcado: tus días laborales en COR (si no, de lunes a viernes).',
  'remind.form.target': 'Objetivo diario',
  'remind.form.targetHint': 'Por ejemplo 6h o 7h30. Vacío: tus horas diarias de COR.',
  'remind.form.morning': 'Resumen matutino',
  'remind.form.morningText': 'Recuérdame también por la mañana el día laboral anterior',
  'remind.form.morningTime': 'Resumen matutino a las',
  'remind.form.away': 'Cuando estoy ausente',
  'remind.form.awayText': 'Sin recordatorio mientras mi estado de Slack diga que estoy ausente',
  'remind.form.pickTime': 'Elige una hora.',
  'remind.form.morningFirst': 'El resumen matutino tiene que ser antes del recordatorio diario.',
  'remind.form.badTarget': 'Escribe horas como 6h o 7h30 (24h como máximo), o déjalo vacío.',
  'remind.form.stale': 'Este formulario está desactualizado; ciérralo y vuelve a abrirlo.',
  'remind.form.notLinked': 'Tu cuenta de Slack ya no está vinculada con COR: primero usa /cor link.',
  // ── end reminders ──

  // ── digests ──
  'digest.pending': '⏳ …',
  'digest.refused': 'Los resúmenes son para líderes: solo quienes tienen el rol C-Level, Director o Project Manager en COR pueden configurarlos.',
  'digest.lead': '*Horas {weekly, select, yes {de la semana del {date}} other {del {date}}}*: {short, plural, =0 {a nadie le faltan horas} one {a # de {total} persona le faltan horas} other {a # de {total} personas les faltan horas}}.',
  'digest.row.unlinked': '*{name}* — sin vincular con COR',
  'digest.row.onLeave': '*{name}* — de licencia',
  'digest.row.noTarget': '*{name}* — {logged} (sin horas esperadas){leaveDays, plural, =0 {} one { (# día de licencia)} other { (# días de licencia)}}',
  'digest.row.hours': '*{name}* — {logged} de {target}{state, select, short { — *faltan {missing}*} over { ✓} other {}}{leaveDays, plural, =0 {} one { (# día de licencia)} other { (# días de licencia)}}{notOver, select, yes { (su día todavía no terminó)} other {}}',
  'digest.row.nudged': '{row} · avisado hoy',
  'digest.button.sendLink': 'Enviar enlace',
  'digest.button.nudge': 'Avisar',
  'digest.button.nudgeAll': 'Avisar a todos a quienes les faltan horas',
  'digest.button.logTime': 'Registrar horas',
  'digest.button.new': 'Nuevo resumen',
  'digest.button.edit': 'Editar',
  'digest.button.pause': 'Pausar',
  'digest.button.resume': 'Reanudar',
  'digest.button.delete': 'Eliminar',
  'digest.more': '…y {n} más (un mensaje de Slack no admite más).',
  'digest.footer': 'Horas frente al objetivo propio de cada persona. Todos los vinculados con COR en este resumen ven en su App Home que los incluye.',
  'digest.nudge': '⏰ <@{lead}> me pidió que te lo recordara: registraste {logged} de {target} {weekly, select, yes {la semana del {date}} other {el {date}}}.',
  'digest.list.none': 'Todavía no tienes resúmenes. Un resumen te dice a quién le faltan horas, con avisos en un clic.',
  'digest.list.lead': 'Tus resúmenes ({n}):',
  'digest.list.line': '{paused, select, yes {⏸ } other {}}*{weekly, select, yes {los lunes a las {time}, sobre la semana anterior} other {cada día laboral a las {time}, sobre el día laboral anterior}}* · {audience} → {where} · {short}',
  'digest.list.more': '…y {n} más.',
  'digest.audience.group': 'un grupo de usuarios de Slack',
  'digest.audience.project': 'las personas del proyecto de COR {project}',
  'digest.audience.people': '{n, plural, one {# persona} other {# personas}}',
  'digest.where.dmToYou': 'un mensaje directo para ti',
  'digest.where.ourDm': 'nuestro chat directo',
  'digest.short.own': 'les faltan horas por debajo de su propio objetivo',
  'digest.short.under': 'les faltan horas por debajo de {hours}',
  'digest.savedWeekly': '✓ Guardado: los lunes a las {time} ({tz}).',
  'digest.savedDaily': '✓ Guardado: cada día laboral a las {time} ({tz}).',
  'digest.deleted': '✓ Eliminado.',
  'digest.paused': '⏸ En pausa.',
  'digest.resumed': '▶︎ Reanudado.',
  'digest.gone': 'Ese resumen ya no existe.',
  'digest.nudged.sent': '✓ Avisé a {names}.',
  'digest.nudged.already': 'Ya recibieron un aviso hoy: {names}.',
  'digest.nudged.notShort': 'Ya no les faltan horas: {names}.',
  'digest.nudged.failed': 'No pude comunicarme con {names}: vuelve a intentarlo.',
  'digest.nudged.unsure': 'Slack no respondió mientras avisaba a {names}: el mensaje puede haber llegado. No lo volveré a enviar hoy.',
  'digest.nudged.nobodyShort': 'A nadie le faltan horas.',
  'digest.nudged.nobody': 'No hay a quién avisar.',
  'digest.sentLink': '✓ Le envié a <@{user}> el enlace a COR.',
  'digest.postFailed': 'No pude publicar tu resumen en {where} ({error}). {notInChannel, select, yes {Invítame allí o elige otro canal} other {Revísalo}} con `/cor digest`.',
  'digest.unknown': 'No sé si tu resumen{about, select, week { sobre la semana del {date}} day { sobre el {date}} other {}} se publicó en {where} (me detuvieron, o Slack no respondió, mientras lo publicaba). Fíjate allí; no lo volví a publicar, así que no puede aparecer dos veces.',
  'digest.ownerNoLongerLeads': 'Tu resumen no se envió: COR ya no te da el rol C-Level, Director o Project Manager, y los resúmenes son para líderes. Ponlo en pausa o elimínalo con `/cor digest`.',
  'digest.form.title': 'Resumen',
  'digest.form.titleNew': 'Nuevo resumen',
  'digest.form.titleEdit': 'Editar resumen',
  'digest.form.save': 'Guardar',
  'digest.form.cancel': 'Cancelar',
  'digest.form.close': 'Cerrar',
  'digest.form.daily': 'Cada día laboral, sobre el anterior',
  'digest.form.weekly': 'Los lunes, sobre la semana anterior',
  'digest.form.project': 'Todos en el proyecto de COR de este canal, {name}',
  'digest.form.projectId': 'Todos en el proyecto de COR de este canal {project}',
  'digest.form.who': 'Quiénes',
  'digest.form.people': 'Personas',
  'digest.form.usergroup': 'O un grupo de usuarios',
  'digest.form.channel': 'Publicarlo en (vacío: un mensaje directo para ti)',
  'digest.form.channelHint': 'Un canal en el que estoy. Solo nombres, no se @menciona a nadie.',
  'digest.form.when': 'Cuándo',
  'digest.form.time': 'A las (tu hora)',
  'digest.form.short': 'Les faltan horas por debajo de (horas por día laboral; vacío: su propio objetivo)',
  'digest.form.language': 'Idioma',
  'digest.form.languageOwn': 'Mi idioma ({name})',
  'digest.form.languageEn': 'English',
  'digest.form.languageEs': 'Español',
  'digest.form.languagePt': 'Português',
  'digest.form.stale': 'Este formulario está desactualizado; ciérralo y vuelve a abrirlo.',
  'digest.form.pickOne': 'Elige personas o un grupo de usuarios (uno de los dos).',
  'digest.form.pickOneOrProject': 'Elige personas, un grupo de usuarios o las personas del proyecto (una de las opciones).',
  'digest.form.tooMany': 'Hasta 500 personas; para más, usa un grupo de usuarios.',
  'digest.form.badShort': 'Escribe horas como 6 o 7h30, o déjalo vacío para usar su propio objetivo.',
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
};
