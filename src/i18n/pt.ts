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
  'project.usage': '`/cor project new` transforma este canal em um projeto do COR; `/cor project edit` o altera. (Papéis C-Level, Director e Project Manager no COR.)',
  'project.off': 'Projetos a partir de canais não estão configurados aqui: peça a quem administra este bot para configurar COR_INTEGRATION_SOURCE.',
  'project.noChannel': 'Use isto no canal que deve virar o projeto.',
  'project.notLead': 'Só pessoas com o papel C-Level, Director ou Project Manager no COR podem criar ou alterar projetos.',
  'project.already': 'Este canal já é o projeto do COR *{name}*: use `/cor project edit` para alterá-lo.',
  'project.form.titleNew': 'Novo projeto do COR',
  'project.form.titleEdit': 'Editar projeto do COR',
  'project.form.close': 'Fechar',
  'project.form.checking': '⏳ Verificando com o COR…',
  'project.form.save': 'Salvar',
  'project.form.create': 'Criar',
  'project.form.cancel': 'Cancelar',
  'project.form.lead': 'Para #{channel}: o projeto do COR deste canal, o padrão para `/cor log` e `/cor tasks` aqui.{edit, select, yes { Campos vazios ficam como estão.} other {}}',
  'project.form.name': 'Nome',
  'project.form.client': 'Cliente (seu id externo)',
  'project.form.brief': 'Descrição',
  'project.form.start': 'Início',
  'project.form.end': 'Fim',
  'project.form.hours': 'Horas estimadas',
  'project.form.income': 'Tipo de receita',
  'project.form.billable': 'Faturável',
  'project.form.billableOption': 'Faturável ao cliente',
  'project.form.startHint': 'Em palavras: "segunda-feira", "15/01", "fim de março". Pressione Enter para conferir.',
  'project.form.endHint': 'Em palavras, como o início.',
  'project.form.dateUnread': '⚠️ Não consigo ler essa data. Tente "segunda-feira", "15/01" ou "fim de março".',
  'project.form.dateRead': '→ {day} de {year}',
  'project.income.fee': 'Mensalidade',
  'project.income.one_time': 'Pagamento único',
  'project.income.hourly_rate': 'Valor por hora',
  'project.income.contract': 'Contrato',
  'project.check.noName': 'Dê um nome ao projeto.',
  'project.check.longName': 'No máximo 200 caracteres.',
  'project.check.startUnread': 'Não consigo ler essa data. Tente "segunda-feira", "15/01" ou "fim de março".',
  'project.check.endUnread': 'Não consigo ler essa data. Tente "fim de março" ou "2027-03-31".',
  'project.check.hours': 'Um número de horas, como 120.',
  'project.check.outOfDate': 'Este formulário está desatualizado; feche e abra de novo.',
  'project.check.unlinked': 'Sua conta do Slack não está mais vinculada ao COR: use /cor link primeiro.',
  'project.refusal.duplicate': 'Este canal já tem um projeto do COR: use `/cor project edit` para alterá-lo.',
  'project.refusal.unknown_client': 'O COR não tem nenhum cliente com esse id externo.',
  'project.refusal.date_range': 'O fim vem antes do início.',
  'project.refusal.source_refused': 'O COR não aceita a fonte de integração com que este bot está configurado (COR_INTEGRATION_SOURCE): avise o administrador do Slack.',
  'project.refusal.gone': 'O projeto deste canal não está mais no COR.',
  'project.refusal.refused': 'O COR recusou o projeto: valores inválidos.',
  'project.refusal.refusedSaid': 'O COR recusou o projeto: {corSaid}.',
  'project.refusal.forbidden': 'O COR diz que você não tem permissão para criar ou alterar projetos.',
  'project.refusal.no_project': 'Este canal ainda não tem um projeto do COR: use `/cor project new`.',
  'project.refusal.off': 'Projetos a partir de canais não estão configurados (COR_INTEGRATION_SOURCE).',
  'project.done.created': '✓ Este canal agora é o projeto do COR *{name}*. `/cor log` e `/cor tasks` aqui olham primeiro as tarefas dele.',
  'project.done.saved': '✓ Salvei o projeto do COR *{name}*.',
  'project.saving': '⏳ Salvando no COR…',
  'project.lateRefusal': '⚠️ {refusal}\nUse `/cor project {mode}` de novo para corrigir.',
  // ── end projects ──

  // ── timers ──
  // ── end timers ──

  // ── reminders ──
  // ── end reminders ──

  // ── digests ──
  // ── end digests ──

  // ── home ──
  'home.title': 'COR para Slack',
  'home.welcome': 'Registre suas horas e mova suas tarefas do COR sem sair do Slack. Use `/cor link` para conectar sua conta do COR.',
  'home.linkButton': 'Vincular minha conta do COR',
  'home.logTime': 'Registrar horas',
  'home.reminderSettings': 'Ajustes de lembretes',
  'home.linkedAs': 'Vinculado ao COR como *{name}* · `/cor help` para ver tudo',
  'home.today': '*Hoje*',
  'home.week': '*Esta semana*: {logged} de {target}',
  'home.hoursUnknown': '_O COR não respondeu: suas horas vão aparecer aqui quando ele responder._',
  'home.timer': '⏱ Cronômetro rodando em *{task}* desde {since} ({minutes})',
  'home.stop': 'Parar',
  'home.tasks': '*Suas tarefas abertas* ({shown} de {total}, por prazo) · `/cor tasks` para ver todas',
  'home.tasksNone': '*Suas tarefas abertas*: nenhuma. 🎉',
  'home.tasksUnknown': '_O COR não respondeu: suas tarefas vão aparecer aqui quando ele responder._',
  'home.reminders': '*Lembretes*',
  'home.digests.own': '*Seus resumos* · `/cor digest` para adicionar um',
  'home.digests.many': '{n} resumos: os 5 primeiros abaixo, todos em `/cor digest`.',
  'home.digests.dm': 'uma mensagem direta para você',
  'home.including.head': '*Resumos que incluem você* (suas horas em relação à sua meta; nunca valores ou notas)',
  'home.including.line': '• <@{owner}> recebe um {when}{posted, select, yes {, publicado em <#{channel}>} other {}}{paused, select, yes { (pausado)} other {}}',
  'home.including.none': '*Resumos que incluem você*: nenhum. Líderes podem receber um resumo das horas da sua equipe; se algum incluir você, ele aparece aqui.',
  'home.language.label': '*Idioma*: o que eu uso com você aqui e em cada resposta',
  'home.language.auto': 'Seguir o Slack ({name})',
  // ── end home ──

  // ── summary ──
  'summary.reading': '⏳ Lendo suas horas…',
  'summary.nothing': 'Nada para mostrar.',
  'summary.todayHead': '*Hoje, {day}*',
  'summary.nothingToday': "Você ainda não registrou horas hoje. Tente `/cor log 2h em '<'tarefa>`.",
  'summary.todayText': 'Hoje: {logged} de {target}',
  'summary.weekHead': '*Esta semana*: {logged} de {target}',
  'summary.weekText': 'Esta semana: {logged} de {target}',
  'summary.byTask': '*Por tarefa*',
  'summary.dayOfTarget': '{label}: {logged} de {target}',
  'summary.dayLogged': '{label}: {logged}',
  'summary.notWorkday': 'não é dia útil',
  'summary.onLeave': 'de folga ({name})',
  'summary.halfDayLeave': 'meio período de {name}',
  // ── end summary ──

  // ── linking ──
  // ── end linking ──

  // ── consent pages (http/) ──
  // ── end consent pages (http/) ──

  // ── workspace ──
  // ── end workspace ──
};
