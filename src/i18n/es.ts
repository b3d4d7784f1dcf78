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
  'project.usage': '`/cor project new` convierte este canal en un proyecto de COR; `/cor project edit` lo cambia. (Roles C-Level, Director y Project Manager en COR.)',
  'project.off': 'Los proyectos desde canales no están configurados aquí: pídele a quien administra este bot que configure COR_INTEGRATION_SOURCE.',
  'project.noChannel': 'Usa esto en el canal que debe convertirse en el proyecto.',
  'project.notLead': 'Solo las personas con rol C-Level, Director o Project Manager en COR pueden crear o cambiar proyectos.',
  'project.already': 'Este canal ya es el proyecto de COR *{name}*: usa `/cor project edit` para cambiarlo.',
  'project.form.titleNew': 'Nuevo proyecto de COR',
  'project.form.titleEdit': 'Editar proyecto de COR',
  'project.form.close': 'Cerrar',
  'project.form.checking': '⏳ Consultando con COR…',
  'project.form.save': 'Guardar',
  'project.form.create': 'Crear',
  'project.form.cancel': 'Cancelar',
  'project.form.lead': 'Para #{channel}: el proyecto de COR de este canal, el predeterminado para `/cor log` y `/cor tasks` aquí.{edit, select, yes { Los campos vacíos quedan como están.} other {}}',
  'project.form.name': 'Nombre',
  'project.form.client': 'Cliente (su id externo)',
  'project.form.brief': 'Descripción',
  'project.form.start': 'Inicio',
  'project.form.end': 'Fin',
  'project.form.hours': 'Horas estimadas',
  'project.form.income': 'Tipo de ingreso',
  'project.form.billable': 'Facturable',
  'project.form.billableOption': 'Facturable al cliente',
  'project.form.startHint': 'En palabras: "próximo lunes", "15/01", "fin de marzo". Pulsa Enter para comprobar.',
  'project.form.endHint': 'En palabras, como el inicio.',
  'project.form.dateUnread': '⚠️ No puedo leer esa fecha. Prueba "próximo lunes", "15/01" o "fin de marzo".',
  'project.form.dateRead': '→ {day} {year}',
  'project.income.fee': 'Abono',
  'project.income.one_time': 'Pago único',
  'project.income.hourly_rate': 'Tarifa por hora',
  'project.income.contract': 'Contrato',
  'project.check.noName': 'Ponle un nombre al proyecto.',
  'project.check.longName': 'Como máximo 200 caracteres.',
  'project.check.startUnread': 'No puedo leer esa fecha. Prueba "próximo lunes", "15/01" o "fin de marzo".',
  'project.check.endUnread': 'No puedo leer esa fecha. Prueba "fin de marzo" o "2027-03-31".',
  'project.check.hours': 'Un número de horas, como 120.',
  'project.check.outOfDate': 'Este formulario está desactualizado; ciérralo y ábrelo de nuevo.',
  'project.check.unlinked': 'Tu cuenta de Slack ya no está vinculada a COR: usa /cor link primero.',
  'project.refusal.duplicate': 'Este canal ya tiene un proyecto de COR: usa `/cor project edit` para cambiarlo.',
  'project.refusal.unknown_client': 'COR no tiene ningún cliente con ese id externo.',
  'project.refusal.date_range': 'El fin es anterior al inicio.',
  'project.refusal.source_refused': 'COR no acepta la fuente de integración con la que está configurado este bot (COR_INTEGRATION_SOURCE): avísale a tu administrador de Slack.',
  'project.refusal.gone': 'El proyecto de este canal ya no está en COR.',
  'project.refusal.refused': 'COR rechazó el proyecto: valores no válidos.',
  'project.refusal.refusedSaid': 'COR rechazó el proyecto: {corSaid}.',
  'project.refusal.forbidden': 'COR dice que no tienes permiso para crear o cambiar proyectos.',
  'project.refusal.no_project': 'Este canal todavía no tiene un proyecto de COR: usa `/cor project new`.',
  'project.refusal.off': 'Los proyectos desde canales no están configurados (COR_INTEGRATION_SOURCE).',
  'project.done.created': '✓ Este canal ahora es el proyecto de COR *{name}*. `/cor log` y `/cor tasks` aquí miran primero sus tareas.',
  'project.done.saved': '✓ Guardé el proyecto de COR *{name}*.',
  'project.saving': '⏳ Guardando en COR…',
  'project.lateRefusal': '⚠️ {refusal}\nUsa `/cor project {mode}` de nuevo para corregirlo.',
  // ── end projects ──

  // ── timers ──
  // ── end timers ──

  // ── reminders ──
  // ── end reminders ──

  // ── digests ──
  // ── end digests ──

  // ── home ──
  'home.title': 'COR para Slack',
  'home.welcome': 'Registra tus horas y mueve tus tareas de COR sin salir de Slack. Usa `/cor link` para conectar tu cuenta de COR.',
  'home.linkButton': 'Vincular mi cuenta de COR',
  'home.logTime': 'Registrar horas',
  'home.reminderSettings': 'Ajustes de recordatorios',
  'home.linkedAs': 'Vinculado a COR como *{name}* · `/cor help` para ver todo',
  'home.today': '*Hoy*',
  'home.week': '*Esta semana*: {logged} de {target}',
  'home.hoursUnknown': '_COR no respondió: tus horas aparecerán aquí cuando responda._',
  'home.timer': '⏱ Temporizador en marcha en *{task}* desde las {since} ({minutes})',
  'home.stop': 'Detener',
  'home.tasks': '*Tus tareas abiertas* ({shown} de {total}, por fecha límite) · `/cor tasks` para verlas todas',
  'home.tasksNone': '*Tus tareas abiertas*: ninguna. 🎉',
  'home.tasksUnknown': '_COR no respondió: tus tareas aparecerán aquí cuando responda._',
  'home.reminders': '*Recordatorios*',
  'home.digests.own': '*Tus resúmenes* · `/cor digest` para agregar uno',
  'home.digests.many': '{n} resúmenes: los primeros 5 abajo, todos en `/cor digest`.',
  'home.digests.dm': 'un mensaje directo para ti',
  'home.including.head': '*Resúmenes que te incluyen* (tus horas frente a tu objetivo; nunca tarifas ni notas)',
  'home.including.line': '• <@{owner}> recibe uno {when}{posted, select, yes {, publicado en <#{channel}>} other {}}{paused, select, yes { (en pausa)} other {}}',
  'home.including.none': '*Resúmenes que te incluyen*: ninguno. Los líderes pueden recibir un resumen de las horas de su equipo; si alguno te incluye, aparece aquí.',
  'home.language.label': '*Idioma*: el que uso contigo aquí y en cada respuesta',
  'home.language.auto': 'Seguir a Slack ({name})',
  // ── end home ──

  // ── summary ──
  'summary.reading': '⏳ Leyendo tus horas…',
  'summary.nothing': 'No hay nada para mostrar.',
  'summary.todayHead': '*Hoy, {day}*',
  'summary.nothingToday': "Todavía no registraste horas hoy. Prueba `/cor log 2h en '<'tarea>`.",
  'summary.todayText': 'Hoy: {logged} de {target}',
  'summary.weekHead': '*Esta semana*: {logged} de {target}',
  'summary.weekText': 'Esta semana: {logged} de {target}',
  'summary.byTask': '*Por tarea*',
  'summary.dayOfTarget': '{label}: {logged} de {target}',
  'summary.dayLogged': '{label}: {logged}',
  'summary.notWorkday': 'no es día laborable',
  'summary.onLeave': 'de licencia ({name})',
  'summary.halfDayLeave': 'medio día de {name}',
  // ── end summary ──

  // ── linking ──
  // ── end linking ──

  // ── consent pages (http/) ──
  // ── end consent pages (http/) ──

  // ── workspace ──
  // ── end workspace ──
};
