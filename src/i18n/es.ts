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
  // ── end reminders ──

  // ── digests ──
  // ── end digests ──

  // ── home ──
  // ── end home ──

  // ── summary ──
  // ── end summary ──

  // ── linking ──
  'linking.whoami.linked': 'Tu cuenta está vinculada como *{name}*, usuario {corUserId} de COR, desde {since}.',
  'linking.whoami.linkedEmail': 'Tu cuenta está vinculada como *{name}* ({email}), usuario {corUserId} de COR, desde {since}.',
  'linking.whoami.access': 'Acceso a COR: {state, select, active {activo (se renueva automáticamente)} needs_relink {vencido definitivamente: usa `/cor link` para vincularte de nuevo} unverified {no se pudo comprobar (COR no respondió); se volverá a intentar} other {no existe: usa `/cor link`}}.',
  'linking.whoami.zone': 'Zona horaria: {tz} · Idioma:{language, select, es { español} pt { portugués} other { inglés}} {how, select, chosen {(lo elegiste tú; `/cor language auto` vuelve a seguir a Slack)} other {(sigue a Slack)}}',
  'linking.entry': '• {duration} en la tarea #{taskId}, {when}',
  'linking.more': '• …y {n} más',
  'linking.unlink.nothing': 'Tu cuenta no estaba vinculada, así que no había nada que quitar.',
  'linking.unlink.done': 'Listo, tu cuenta ya no está vinculada. Tus credenciales de COR se eliminaron; ya no puedo actuar en tu nombre en COR.',
  'linking.unlink.cancelled': 'Estos todavía esperaban a COR y *no se registrarán*:',
  'linking.unlink.unknown': 'Estos *tal vez ya estén en COR* (COR no respondió a un intento anterior y ya no puedo comprobarlo): revisa en COR antes de registrarlos de nuevo:',
  'linking.unlink.inFlight': 'Estos *se están registrando en COR ahora mismo*; te diré cómo termina cada uno:',
  'linking.unlink.timer': 'Se descartó tu cronómetro en marcha en la tarea #{taskId}.',
  'linking.unlink.again': 'Usa `/cor link` cuando quieras vincularte de nuevo.',
  'linking.welcome.lead': 'Tu cuenta está vinculada a COR como *{name}*. Prueba esto:',
  'linking.welcome.text': 'Tu cuenta está vinculada a COR como {name}.',
  'linking.welcome.tipLog': "`/cor log 2h en '<tarea>' ayer`: registra horas con tus palabras",
  'linking.welcome.tipTasks': '`/cor tasks`: tus tareas abiertas',
  'linking.welcome.tipWhoami': '`/cor whoami`: revisa el vínculo',
  'linking.welcome.emailDifferent': 'Tu correo de COR ({corEmail}) no es tu correo de Slack ({slackEmail}). Si esa cuenta de COR no es tuya, usa `/cor unlink` y vincúlate de nuevo.',
  'linking.welcome.emailUnknown': 'No pude comparar tu correo de COR con tu correo de Slack (no conozco uno de los dos). Si esa cuenta de COR no es tuya, usa `/cor unlink` y vincúlate de nuevo.',
  'linking.welcome.ended': '{n, plural, one {# registro de horas que esperaba se pidió con otra cuenta de COR, así que *no* lo registré con esta} other {# registros de horas que esperaban se pidieron con otra cuenta de COR, así que *no* los registré con esta}} (revisa en COR y vuelve a registrar lo que sea tuyo):',
  'linking.welcome.released': '{n, plural, one {# registro de horas que te esperaba se está registrando ahora} other {# registros de horas que te esperaban se están registrando ahora}}; te avisaré cuando cada uno quede registrado.',
  'linking.relink.lead': 'COR dejó de aceptar mi acceso en tu nombre (tu sesión de COR terminó o fue revocada), así que no puedo registrar horas ni cambiar tareas por ti hasta que te vincules de nuevo.{n, plural, =0 {} one { Tu registro de horas que aún no está en COR se guarda: te espera y se registrará en cuanto te vincules de nuevo.} other { Tus # registros de horas que aún no están en COR se guardan: te esperan y se registrarán en cuanto te vincules de nuevo.}}',
  'linking.relink.button': 'Vincular de nuevo',
  'linking.relink.run': 'Usa `/cor link` para vincularte de nuevo.',
  'linking.refused.different': 'No te vinculé con COR: la cuenta de COR que aprobó tu vínculo pertenece a otro usuario de COR (su correo no es tu correo de Slack). Un vínculo es solo para tu propia cuenta de COR: inicia sesión en COR con tu cuenta y vuelve a usar `/cor link`.',
  'linking.refused.unknown': 'No te vinculé con COR: no pude comprobar que la cuenta de COR que aprobó tu vínculo sea tuya, porque Slack no me dio tu correo (o esa cuenta de COR no tiene uno). Quien administra el bot puede comprobar que la aplicación tenga el permiso `users:read.email`.',
  'linking.claimed.linked': '{who} vinculó tu cuenta de COR ({email}) con su propio usuario de Slack: alguien con tu sesión de COR aprobó el vínculo que {who} inició, y este espacio de trabajo permite vínculos con correos distintos.',
  'linking.claimed.linkedNow': 'Ahora {who} puede registrar horas y cambiar tareas *en tu nombre* en COR a través de mí. Si no es lo que querías, pídele a {who} que use `/cor unlink`, o pídele a quien administra el bot que quite el vínculo.',
  'linking.claimed.tried': '{who} intentó vincular tu cuenta de COR ({email}) con su propio usuario de Slack: alguien con tu sesión de COR aprobó el vínculo que {who} inició.',
  'linking.claimed.nothing': '*No se vinculó nada*: {who} no puede actuar en tu nombre en COR a través de mí. Un vínculo es siempre solo para tu propio usuario de Slack; para vincular el tuyo, usa `/cor link`.',
  // ── end linking ──

  // ── consent pages (http/) ──
  'page.linked.title': 'Cuenta vinculada como {name}',
  'page.linked.message': 'Puedes cerrar esta pestaña y volver a Slack.',
  'page.missing_state.title': 'Este enlace está incompleto',
  'page.missing_state.message': 'Vuelve a empezar desde Slack con /cor link.',
  'page.unknown_state.title': 'Este enlace no es válido',
  'page.unknown_state.message': 'No se creó para este bot. Vuelve a empezar desde Slack con /cor link.',
  'page.used_state.title': 'Este enlace ya se usó',
  'page.used_state.message': 'Cada enlace sirve una sola vez. Vuelve a empezar desde Slack con /cor link.',
  'page.expired_state.title': 'Este enlace venció',
  'page.expired_state.message': 'Los enlaces sirven durante 10 minutos. Vuelve a empezar desde Slack con /cor link.',
  'page.denied.title': 'No se vinculó',
  'page.denied.message': 'No permitiste el acceso en COR, así que nada cambió. Puedes volver a intentarlo cuando quieras con /cor link.',
  'page.missing_code.title': 'COR no envió un código',
  'page.missing_code.message': 'Nada cambió. Vuelve a empezar desde Slack con /cor link.',
  'page.exchange_failed.title': 'COR no confirmó el vínculo',
  'page.exchange_failed.message': 'Nada cambió. Vuelve a intentarlo en un minuto con /cor link.',
  'page.email_mismatch.title': 'No se vinculó: esta cuenta de COR no es de quien lo pidió',
  'page.email_mismatch.message': 'El correo de la cuenta de COR que aprobó este vínculo no es el correo de Slack de la persona que lo pidió, así que no se vinculó nada y no se guardó ningún acceso a esta cuenta de COR. Un vínculo es siempre solo para tu propio usuario de Slack: para vincular el tuyo, usa /cor link en Slack e inicia sesión en COR con tu cuenta.',
  'page.email_unknown.title': 'No se vinculó: no pude comprobar de quién es esta cuenta de COR',
  'page.email_unknown.message': 'Slack no me dio el correo de la persona que pidió este vínculo (o esta cuenta de COR no tiene uno), así que no pude comprobar que esta cuenta de COR sea suya. No se vinculó nada y no se guardó ningún acceso a esta cuenta de COR. Quien administra el bot puede comprobar que la aplicación de Slack tenga el permiso users:read.email.',
  // ── end consent pages (http/) ──

  // ── workspace ──
  'workspace.installed.title': 'COR está instalado',
  'workspace.installed.message': 'Vuelve a Slack y prueba /cor help, y luego /cor link.',
  'workspace.failed.title': 'La instalación no terminó',
  'workspace.failed.message': 'No se instaló nada. Vuelve a empezar desde el enlace de instalación.',
  // ── end workspace ──
};
