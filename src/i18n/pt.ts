import type { Catalog } from './catalog.ts';

/** Portuguese (Brazil, "você"): every key of the English catalog (en.ts), the same arguments. */
export const pt: Catalog = {
  // ── formats ──
  'format.minutes': '{m} min',
  'format.hours': '{h} h',
  'format.hoursMinutes': '{h} h {m} min',

  // ── errors (errors.ts toUserMessage) ──
  'error.cor.unauthorized': 'O COR não aceitou seu login. Use `/cor link` para conectar sua conta do COR de novo.',
  'error.cor.forbidden': 'O COR diz que você não tem permissão para fazer isso.',
  'error.cor.not_found': 'O COR não encontrou isso (talvez tenha sido excluído).',
  'error.cor.validation': 'O COR recusou a alteração por não ser válida.',
  'error.cor.validationSaid': 'O COR recusou a alteração por não ser válida: {corSaid}',
  'error.cor.rate_limited': 'O COR está ocupado agora. Tente de novo em um minuto.',
  'error.cor.server': 'O COR está com problemas agora. Tente de novo em alguns minutos.',
  'error.cor.network': 'Não consegui falar com o COR. Tente de novo em alguns minutos.',
  'error.cor.timeout': 'O COR demorou demais para responder. Tente de novo em alguns minutos.',
  'error.cor.bad_response': 'O COR respondeu algo que não entendi. A equipe já foi avisada.',
  'error.not_linked': 'Sua conta do Slack ainda não está vinculada ao COR. Primeiro use `/cor link`.',
  'error.needs_relink': 'O COR não aceita mais meu acesso em seu nome. Use `/cor link` para vincular de novo.',
  'error.linking_off': 'A vinculação com o COR ainda não foi configurada (falta COR_AUTHORIZE_URL). Peça para quem administra o bot configurá-la.',
  'error.unknown': 'Algo deu errado do meu lado. Tente de novo; se continuar acontecendo, avise o administrador do COR.',
  'error.incompleteRequest': 'A solicitação chegou incompleta; digite o comando de novo.',

  // ── help (/cor help, the usage card) ──
  'help.lead': 'Registre suas horas do COR e mova suas tarefas sem sair do Slack:',
  'help.unknown': 'Ainda não sei fazer `{sub}`. Veja o que eu posso fazer:',
  'help.log': 'registre horas com suas palavras (em português, espanhol ou inglês)',
  'help.logLine': 'um dia inteiro em uma linha (até 10 registros)',
  'help.logForm': 'abre o formulário de registro de horas',
  'help.tasks': 'suas tarefas abertas, para mudar o status ou registrar horas rápido',
  'help.task': 'uma tarefa, para mudar o status ou registrar horas nela',
  'help.timer': 'um cronômetro que vira um registro',
  'help.summary': 'o que você registrou, comparado com sua meta',
  'help.remind': 'as configurações do seu lembrete diário',
  'help.digest': 'para líderes: quem da sua equipe está com horas faltando, com avisos',
  'help.link': 'conecte sua conta do COR',
  'help.language': 'o idioma em que falo com você: es, pt, en ou auto (o idioma do seu Slack)',
  'help.argWords': 'palavras',
  'help.argLink': 'link',
  'help.argTask': 'tarefa',
  'help.help': 'este cartão',
  'help.exampleLog': '2h30 em Redesenho da home ontem',
  'help.exampleLine': '3h home, 2h QA, 1h semanal',
  'help.footer': 'Ou simplesmente me escreva o mesmo aqui em Mensagens, ou responda a um lembrete. Datas e horários usam o fuso horário do seu Slack.',
  'help.footerUndo': 'Ou simplesmente me escreva o mesmo aqui em Mensagens, ou responda a um lembrete. Cada registro espera {seconds} s com um botão *Desfazer* antes de ir para o COR. Datas e horários usam o fuso horário do seu Slack.',

  // ── language (/cor language) ──
  'language.name.en': 'inglês',
  'language.name.es': 'espanhol',
  'language.name.pt': 'português',
  'language.now': 'Falo com você em *{name}*{auto, select, yes { (o idioma do seu Slack)} other {}}. Mude com `/cor language es`, `pt`, `en` ou `auto`.',
  'language.set': 'A partir de agora falo com você em *{name}*.',
  'language.setAuto': 'A partir de agora sigo o idioma do seu Slack: *{name}*.',
  'language.unknown': 'Falo `es` (espanhol), `pt` (português) e `en` (inglês); `auto` segue o idioma do seu Slack. Por exemplo: `/cor language es`.',

  // ── link card (person.ts) ──
  'link.card.lead': 'Vincule sua conta do COR para que eu possa registrar horas e mover tarefas em seu nome.',
  'link.card.notLinked': 'Primeiro vincule sua conta do COR para que eu possa agir em seu nome no COR.',
  'link.card.needsRelink': 'O COR não aceita mais meu acesso em seu nome. Vincule sua conta do COR de novo para continuar.',
  'link.card.relink': 'Sua conta está vinculada como *{name}*. Para trocar ou renovar o vínculo, passe pelo COR de novo.',
  'link.card.guess': 'Você é *{name}* no COR? Vincule sua conta para que eu registre horas por você.',
  'link.card.button': 'Vincular minha conta do COR',
  'link.card.again': 'Vincular de novo',
  'link.card.footer': 'O link abre o COR e vale uma única vez, por 10 minutos.',

  // ── acknowledged work (accepted.ts) ──
  'accepted.notSaved': '⚠️ Não salvo: não consegui registrar isso agora (meu armazenamento não responde). Nada foi feito; tente de novo em um minuto.',
  'accepted.unknownKind': 'Não consegui terminar seu último pedido (esta versão do bot não o conhece). Envie de novo.',
  'accepted.gaveUp': 'Não consegui terminar seu último pedido: ele me interrompeu várias vezes. Envie de novo, ou confira no COR se foi feito.',

  // ── log-time ──
  // ── end log-time ──

  // ── tasks ──
  // ── end tasks ──

  // ── projects ──
  // ── end projects ──

  // ── timers ──
  // ── end timers ──

  // ── reminders ──
  // A date here ends in its abbreviation's period ("seg., 23 de nov."): no second period after it.
  'remind.reading': '⏳ Lendo suas configurações de lembretes…',
  'remind.dm.text': '{kind, select, day {⏰ Hora de registrar suas horas. Você registrou {logged} de {target} hoje ({date}): faltam {missing}.} other {☀️ Antes de começar: seu último dia útil. Você registrou {logged} de {target} em {date}: faltam {missing}.}}',
  'remind.dm.head': '{kind, select, day {⏰ Hora de registrar suas horas} other {☀️ Antes de começar: seu último dia útil}}',
  'remind.dm.body': '{kind, select, day {Você registrou *{logged}* de {target} hoje ({date}): *faltam {missing}*.} other {Você registrou *{logged}* de {target} em {date}: *faltam {missing}*.}}',
  'remind.dm.targetNote': '_(meta ajustada: {note})_',
  'remind.button.logHour': 'Registrar 1 h',
  'remind.button.logTime': 'Registrar horas',
  'remind.button.snooze': 'Adiar 1 h',
  'remind.button.skipToday': 'Pular hoje',
  'remind.button.skip': 'Pular',
  'remind.button.settings': 'Configurações',
  'remind.done': '{kind, select, day {✓ {logged} registradas hoje ({date}). Obrigado!} other {✓ Obrigado! {logged} registradas em {date}}}',
  'remind.snoozed': '😴 Adiado: vou lembrar você de novo às {time}.',
  'remind.skipped': 'Pulado: sem mais lembretes para {date} `/cor remind` muda suas configurações de lembretes.',
  'remind.linkFirst': 'Primeiro vincule sua conta do COR: {url}',
  'remind.settings.title': '*Seus lembretes*',
  'remind.settings.saved': '✓ Salvo.',
  'remind.settings.savedBold': '✓ *Salvo.*',
  'remind.settings.change': 'Alterar em um formulário',
  'remind.settings.off': 'Os lembretes estão *desativados*. `/cor remind on` os ativa de novo.',
  'remind.settings.dailyOwn': 'Lembrete diário às *{time}* ({tz}) em {days}, quando você tiver registrado menos de suas horas diárias do COR.',
  'remind.settings.dailyTarget': 'Lembrete diário às *{time}* ({tz}) em {days}, quando você tiver registrado menos de *{target}*.',
  'remind.settings.corDays': 'seus dias úteis no COR (senão, seg–sex)',
  'remind.settings.dayRange': '{from}–{to}',
  'remind.settings.morningOn': 'Resumo matinal do dia útil anterior: *ativado*, às {time}.',
  'remind.settings.morningOff': 'Resumo matinal do dia útil anterior: desativado.',
  'remind.settings.awayOn': 'Sem lembrete enquanto seu status do Slack disser que você está ausente: *ativado*.',
  'remind.settings.awayOff': 'Sem lembrete enquanto seu status do Slack disser que você está ausente: desativado.',
  'remind.settings.skipping': 'Dias pulados: {dates}',
  'remind.settings.noSkips': 'Nenhum dia pulado.',
  'remind.day.1': 'seg',
  'remind.day.2': 'ter',
  'remind.day.3': 'qua',
  'remind.day.4': 'qui',
  'remind.day.5': 'sex',
  'remind.day.6': 'sáb',
  'remind.day.7': 'dom',
  'remind.usage': '`/cor remind`  veja suas configurações de lembretes\n`/cor remind at 18:00`  o horário da mensagem diária (seu fuso horário)\n`/cor remind off` / `on`  para ou retoma os lembretes\n`/cor remind weekdays mon-thu`  quais dias (`weekdays auto` = seus dias úteis no COR)\n`/cor remind skip tomorrow` / `skip until 2026-12-02` / `skip none`\n`/cor remind target 6h`  sua meta diária (`target auto` = a do COR)\n`/cor remind morning on` / `morning at 9:00`  também uma mensagem de manhã sobre o dia útil anterior\n`/cor remind away on`  sem mensagens enquanto seu status do Slack disser que você está ausente',
  'remind.form.title': 'Lembretes do COR',
  'remind.form.save': 'Salvar',
  'remind.form.cancel': 'Cancelar',
  'remind.form.enabled': 'Lembrete diário',
  'remind.form.enabledText': 'Me lembre quando faltarem horas',
  'remind.form.time': 'Às (seu horário)',
  'remind.form.days': 'Dias',
  'remind.form.daysHint': 'Nenhum marcado: seus dias úteis no COR (senão, de segunda a sexta).',
  'remind.form.target': 'Meta diária',
  'remind.form.targetHint': 'Por exemplo 6h ou 7h30. Vazio: suas horas diárias do COR.',
  'remind.form.morning': 'Resumo matinal',
  'remind.form.morningText': 'Também me lembre de manhã sobre o dia útil anterior',
  'remind.form.morningTime': 'Resumo matinal às',
  'remind.form.away': 'Quando estou ausente',
  'remind.form.awayText': 'Sem lembrete enquanto meu status do Slack disser que estou ausente',
  'remind.form.pickTime': 'Escolha um horário.',
  'remind.form.morningFirst': 'O resumo matinal precisa vir antes do lembrete diário.',
  'remind.form.badTarget': 'Escreva horas como 6h ou 7h30 (no máximo 24h), ou deixe vazio.',
  'remind.form.stale': 'Este formulário está desatualizado; feche e abra de novo.',
  'remind.form.notLinked': 'Sua conta do Slack não está mais vinculada ao COR: primeiro use /cor link.',
  'remind.problem.nothing': '(nada)',
  'remind.problem.word': 'Não entendi "{word}".',
  'remind.problem.after': 'Não entendi "{arg}" depois de "{key}".',
  'remind.problem.time': '"{arg}" não é um horário: tente `at 18:00` ou `at 6pm`.',
  'remind.problem.days': '"{arg}" não é uma lista de dias: tente `weekdays seg-qui` ou `weekdays seg,qua,sex`.',
  'remind.problem.date': '"{arg}" não é uma data que eu consiga ler: tente `skip amanhã`, `skip sexta` ou `skip until 2026-12-02`.',
  'remind.problem.past': '{date} já passou.',
  'remind.problem.tooFar': 'Isso é daqui a mais de um ano: melhor desativar os lembretes (`/cor remind off`).',
  'remind.problem.target': '"{arg}" não é uma meta diária: tente `target 6h` ou `target 7h30` (no máximo 24h).',
  'remind.problem.morning': 'Tente `morning on`, `morning off` ou `morning at 9:00`.',
  'remind.problem.away': 'Tente `away on` ou `away off`.',
  // ── end reminders ──

  // ── digests ──
  'digest.pending': '⏳ …',
  'digest.refused': 'Os resumos são para líderes: só quem tem o papel C-Level, Director ou Project Manager no COR pode configurá-los.',
  'digest.lead': '*Horas {weekly, select, yes {da semana de {date}} other {de {date}}}*: {short, plural, =0 {ninguém com horas faltando} one {# de {total} pessoa com horas faltando} other {# de {total} pessoas com horas faltando}}.',
  'digest.row.unlinked': '*{name}* — não vinculado ao COR',
  'digest.row.onLeave': '*{name}* — de licença',
  'digest.row.noTarget': '*{name}* — {logged} (sem horas esperadas){leaveDays, plural, =0 {} one { (# dia de licença)} other { (# dias de licença)}}',
  'digest.row.hours': '*{name}* — {logged} de {target}{state, select, short { — *faltam {missing}*} over { ✓} other {}}{leaveDays, plural, =0 {} one { (# dia de licença)} other { (# dias de licença)}}{notOver, select, yes { (o dia dessa pessoa ainda não terminou)} other {}}',
  'digest.row.nudged': '{row} · lembrado hoje',
  'digest.button.sendLink': 'Enviar link',
  'digest.button.nudge': 'Lembrar',
  'digest.button.nudgeAll': 'Lembrar todos com horas faltando',
  'digest.button.logTime': 'Registrar horas',
  'digest.button.new': 'Novo resumo',
  'digest.button.edit': 'Editar',
  'digest.button.pause': 'Pausar',
  'digest.button.resume': 'Retomar',
  'digest.button.delete': 'Excluir',
  'digest.more': '…e mais {n} (uma mensagem do Slack não comporta mais).',
  'digest.footer': 'Horas em relação à meta de cada pessoa. Todos os vinculados ao COR neste resumo veem no App Home que estão incluídos.',
  'digest.nudge': '⏰ <@{lead}> me pediu para lembrar você: você registrou {logged} de {target} {weekly, select, yes {na semana de {date}} other {em {date}}}',
  'digest.list.none': 'Você ainda não tem resumos. Um resumo mostra quem está com horas faltando, com lembretes em um clique.',
  'digest.list.lead': 'Seus resumos ({n}):',
  'digest.list.line': '{paused, select, yes {⏸ } other {}}*{weekly, select, yes {às segundas às {time}, sobre a semana passada} other {todo dia útil às {time}, sobre o dia útil anterior}}* · {audience} → {where} · {short}',
  'digest.list.more': '…e mais {n}.',
  'digest.audience.group': 'um grupo de usuários do Slack',
  'digest.audience.project': 'as pessoas do projeto do COR {project}',
  'digest.audience.people': '{n, plural, one {# pessoa} other {# pessoas}}',
  'digest.where.dmToYou': 'uma mensagem direta para você',
  'digest.where.ourDm': 'nossa conversa direta',
  'digest.short.own': 'horas faltando abaixo da própria meta',
  'digest.short.under': 'horas faltando abaixo de {hours}',
  'digest.savedWeekly': '✓ Salvo: às segundas às {time} ({tz}).',
  'digest.savedDaily': '✓ Salvo: todo dia útil às {time} ({tz}).',
  'digest.deleted': '✓ Excluído.',
  'digest.paused': '⏸ Pausado.',
  'digest.resumed': '▶︎ Retomado.',
  'digest.gone': 'Esse resumo não existe mais.',
  'digest.nudged.sent': '✓ Lembrei {names}.',
  'digest.nudged.already': 'Já lembrados hoje: {names}.',
  'digest.nudged.notShort': 'Não estão mais com horas faltando: {names}.',
  'digest.nudged.failed': 'Não consegui falar com {names}: tente de novo.',
  'digest.nudged.unsure': 'O Slack não respondeu enquanto eu lembrava {names}: a mensagem pode ter chegado. Não vou enviá-la de novo hoje.',
  'digest.nudged.nobodyShort': 'Ninguém está com horas faltando.',
  'digest.nudged.nobody': 'Ninguém para lembrar.',
  'digest.sentLink': '✓ Enviei a <@{user}> o link para o COR.',
  'digest.postFailed': 'Não consegui publicar seu resumo em {where} ({error}). {notInChannel, select, yes {Me convide para lá ou escolha outro canal} other {Confira}} com `/cor digest`.',
  'digest.unknown': 'Não sei se seu resumo{about, select, week { sobre a semana de {date}} day { sobre {date}} other {}} foi publicado em {where} (fui interrompido, ou o Slack não respondeu, enquanto eu publicava). Confira lá; não publiquei de novo, então ele não pode aparecer duas vezes.',
  'digest.ownerNoLongerLeads': 'Seu resumo não foi enviado: o COR não lhe dá mais o papel C-Level, Director ou Project Manager, e os resumos são para líderes. Pause ou exclua com `/cor digest`.',
  'digest.form.title': 'Resumo',
  'digest.form.titleNew': 'Novo resumo',
  'digest.form.titleEdit': 'Editar resumo',
  'digest.form.save': 'Salvar',
  'digest.form.cancel': 'Cancelar',
  'digest.form.close': 'Fechar',
  'digest.form.daily': 'Todo dia útil, sobre o anterior',
  'digest.form.weekly': 'Às segundas, sobre a semana passada',
  'digest.form.project': 'Todos no projeto do COR deste canal, {name}',
  'digest.form.projectId': 'Todos no projeto do COR deste canal {project}',
  'digest.form.who': 'Quem',
  'digest.form.people': 'Pessoas',
  'digest.form.usergroup': 'Ou um grupo de usuários',
  'digest.form.channel': 'Publicar em (vazio: uma mensagem direta para você)',
  'digest.form.channelHint': 'Um canal em que eu estou. Só nomes, ninguém é @mencionado.',
  'digest.form.when': 'Quando',
  'digest.form.time': 'Às (seu horário)',
  'digest.form.short': 'Horas faltando abaixo de (horas por dia útil; vazio: a própria meta)',
  'digest.form.language': 'Idioma',
  'digest.form.languageOwn': 'Meu idioma ({name})',
  'digest.form.languageEn': 'English',
  'digest.form.languageEs': 'Español',
  'digest.form.languagePt': 'Português',
  'digest.form.stale': 'Este formulário está desatualizado; feche e abra de novo.',
  'digest.form.pickOne': 'Escolha pessoas ou um grupo de usuários (um dos dois).',
  'digest.form.pickOneOrProject': 'Escolha pessoas, um grupo de usuários ou as pessoas do projeto (uma das opções).',
  'digest.form.tooMany': 'Até 500 pessoas; para mais, use um grupo de usuários.',
  'digest.form.badShort': 'Escreva horas como 6 ou 7h30, ou deixe vazio para usar a própria meta.',
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
