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
  'tasks.reading': '⏳ Leyendo tus tareas…',
  'tasks.readingOne': '⏳ Leyendo la tarea…',
  'tasks.which': '¿Qué tarea? `/cor task #48211`, pega su enlace de COR o unas palabras de su título.',
  'tasks.list.none': 'No tienes tareas abiertas en COR. 🎉',
  'tasks.list.noneMatching': 'Ninguna de tus tareas abiertas coincide con {query}.',
  'tasks.list.head': '*Tus tareas abiertas* ({from}–{to} de {total})',
  'tasks.list.headMatching': '*Tus tareas abiertas que coinciden con {query}* ({from}–{to} de {total})',
  'tasks.list.text': 'Tus tareas abiertas ({total})',
  'tasks.list.more': 'Ver más (quedan {left})',
  'tasks.noProject': 'Sin proyecto',
  'tasks.notFound': 'No encontré {ref} entre tus tareas en COR. Prueba con su `#id` o pega su enlace de COR.',
  'tasks.shortcut.noTask': "Ese mensaje no enlaza ninguna tarea de COR (un enlace a una tarea de COR o `#id`). Prueba con `/cor task '<palabras>'`.",
  'tasks.status.nueva': 'Nueva',
  'tasks.status.en_proceso': 'En proceso',
  'tasks.status.estancada': 'Estancada',
  'tasks.status.finalizada': 'Finalizada',
  'tasks.status.none': 'Sin estado',
  'tasks.priority.0': 'Baja',
  'tasks.priority.1': 'Media',
  'tasks.priority.2': 'Alta',
  'tasks.priority.3': 'Urgente',
  'tasks.priority.none': 'Sin prioridad',
  'tasks.priority.other': 'Prioridad {n}',
  'tasks.due': 'Vence el {date}',
  'tasks.overdue': '⚠️ *Vencida* desde el {date}',
  'tasks.button.changeStatus': 'Cambiar estado',
  'tasks.button.logTime': 'Registrar horas',
  'tasks.form.title': 'Tarea de COR',
  'tasks.form.cancel': 'Cancelar',
  'tasks.form.close': 'Cerrar',
  'tasks.form.save': 'Guardar',
  'tasks.form.loading': '⏳ Leyendo la tarea #{id} en COR…',
  'tasks.form.gone': 'La tarea #{id} ya no existe en COR, o no puedes verla.',
  'tasks.form.now': 'Ahora: {status} · {priority}',
  'tasks.form.status': 'Estado',
  'tasks.form.priority': 'Prioridad',
  'tasks.form.duration': 'Registrar también horas hoy',
  'tasks.form.durationHint': 'Como 1h30 o 45m; si lo dejas vacío, no se registra nada.',
  'tasks.form.saving': '⏳ Guardando en COR…',
  'tasks.form.outOfDate': 'Este formulario está desactualizado; ciérralo y vuelve a abrirlo.',
  'tasks.form.hoursOrMinutes': '¿Horas o minutos? Escribe {n}h o {n}m.',
  'tasks.form.writeDuration': 'Escribe una duración como 1h30 o 45m.',
  'tasks.form.negative': 'El tiempo no puede ser negativo.',
  'tasks.form.tooLong': '{duration} no cabe en un día.',
  'tasks.form.pickStatus': 'Elige un estado.',
  'tasks.changed': '✓ *{title}* ahora está *{status}*, prioridad *{priority}*.',
  'tasks.notChanged': '⚠️ La tarea #{id} no se cambió: {message}',
  'tasks.notLinkedAnyMore': 'Tu cuenta de Slack ya no está vinculada a COR: usa `/cor link` primero.',
  'tasks.refused.forbidden': 'COR dice que no tienes permiso para cambiar esta tarea.',
  'tasks.refused.gone': 'Esta tarea ya no existe en COR.',
  'tasks.refused.said': 'COR rechazó el cambio: {corSaid}.',
  'tasks.refused.invalid': 'COR rechazó el cambio: valores no válidos.',
  'tasks.logged.written': '✓ Registré {duration} en esta tarea hoy.',
  'tasks.logged.scheduled': '⏳ {duration} se registrarán hoy en esta tarea en {seconds} s (puedes deshacerlo desde el mensaje que te envié).',
  'tasks.logged.relink': '⏳ Guardé {duration}: COR ya no acepta mi acceso por ti; lo registraré en cuanto vuelvas a vincularte (`/cor link`).',
  'tasks.logged.queued': '⏳ {duration} en cola: COR no responde; lo registraré en cuanto responda.',
  'tasks.logged.failed': '⚠️ No se pudo registrar {duration}: {reason}.',
  'tasks.logged.unlinked': '⚠️ No se registró {duration}: te desvinculaste de COR mientras tanto.',
  // ── end tasks ──

  // ── projects ──
  // ── end projects ──

  // ── timers ──
  'timer.tooShort': 'Tu temporizador en *{title}* corrió menos de un minuto, así que no se registró nada.',
  'timer.refused': 'COR rechazó la entrada del temporizador en *{title}*: {reason}.',
  'timer.stopped': '{state, select, queued {⏳ Guardé} waiting {⏳ Registrando} other {✓ Registré}} *{duration}* en *{title}*, {from}–{to}{parts, plural, =1 {} other { (dividido a medianoche en # entradas)}}{tail, select, relink {; COR ya no acepta mi acceso por ti: se registrará en cuanto vuelvas a vincularte (`/cor link`)} queued {; COR no responde, se registrará en cuanto se pueda} other {}}.',
  'timer.stoppedPrevious': 'Detuve tu temporizador anterior. {stopped}',
  'timer.started': '⏱ Temporizador iniciado en *{title}* a las {time}. Usa `/cor stop` cuando termines.',
  'timer.running': '⏱ En marcha en *{title}* desde las {time} ({duration} hasta ahora). Usa `/cor stop` para registrarlo.',
  'timer.none': "No hay ningún temporizador en marcha. Inicia uno con `/cor start '<tarea>'`.",
  'timer.nothingToStop': 'No hay ningún temporizador en marcha, así que no había nada que detener.',
  'timer.startUsage': '¿En qué tarea inicio el temporizador? `/cor start #48211` o `/cor start banner de inicio`.',
  'timer.choose': 'Varias tareas coinciden; inícialo con el id:\n{options}',
  'timer.noTask': 'No encontré ninguna tarea abierta tuya que coincida con “{query}”.',
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
};
