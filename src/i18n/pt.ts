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
  'tasks.reading': '⏳ Lendo suas tarefas…',
  'tasks.readingOne': '⏳ Lendo a tarefa…',
  'tasks.which': 'Qual tarefa? `/cor task #48211`, cole o link dela no COR ou algumas palavras do título.',
  'tasks.list.none': 'Você não tem tarefas abertas no COR. 🎉',
  'tasks.list.noneMatching': 'Nenhuma das suas tarefas abertas corresponde a {query}.',
  'tasks.list.head': '*Suas tarefas abertas* ({from}–{to} de {total})',
  'tasks.list.headMatching': '*Suas tarefas abertas que correspondem a {query}* ({from}–{to} de {total})',
  'tasks.list.text': 'Suas tarefas abertas ({total})',
  'tasks.list.more': 'Mostrar mais (faltam {left})',
  'tasks.noProject': 'Sem projeto',
  'tasks.notFound': 'Não encontrei {ref} entre suas tarefas no COR. Tente o `#id` dela ou cole o link dela no COR.',
  'tasks.shortcut.noTask': "Essa mensagem não tem link para nenhuma tarefa do COR (um link de tarefa do COR ou `#id`). Tente `/cor task '<palavras>'`.",
  'tasks.status.nueva': 'Nova',
  'tasks.status.en_proceso': 'Em andamento',
  'tasks.status.estancada': 'Parada',
  'tasks.status.finalizada': 'Finalizada',
  'tasks.status.none': 'Sem status',
  'tasks.priority.0': 'Baixa',
  'tasks.priority.1': 'Média',
  'tasks.priority.2': 'Alta',
  'tasks.priority.3': 'Urgente',
  'tasks.priority.none': 'Sem prioridade',
  'tasks.priority.other': 'Prioridade {n}',
  'tasks.due': 'Vence em {date}',
  'tasks.overdue': '⚠️ *Atrasada* desde {date}',
  'tasks.button.changeStatus': 'Alterar status',
  'tasks.button.logTime': 'Registrar horas',
  'tasks.form.title': 'Tarefa do COR',
  'tasks.form.cancel': 'Cancelar',
  'tasks.form.close': 'Fechar',
  'tasks.form.save': 'Salvar',
  'tasks.form.loading': '⏳ Lendo a tarefa #{id} no COR…',
  'tasks.form.gone': 'A tarefa #{id} não existe mais no COR, ou você não pode vê-la.',
  'tasks.form.now': 'Agora: {status} · {priority}',
  'tasks.form.status': 'Status',
  'tasks.form.priority': 'Prioridade',
  'tasks.form.duration': 'Registrar horas hoje também',
  'tasks.form.durationHint': 'Como 1h30 ou 45m; em branco, nada é registrado.',
  'tasks.form.saving': '⏳ Salvando no COR…',
  'tasks.form.outOfDate': 'Este formulário está desatualizado; feche-o e abra de novo.',
  'tasks.form.hoursOrMinutes': 'Horas ou minutos? Escreva {n}h ou {n}m.',
  'tasks.form.writeDuration': 'Escreva uma duração como 1h30 ou 45m.',
  'tasks.form.negative': 'O tempo não pode ser negativo.',
  'tasks.form.tooLong': '{duration} não cabe em um dia.',
  'tasks.form.pickStatus': 'Escolha um status.',
  'tasks.changed': '✓ *{title}* agora está *{status}*, prioridade *{priority}*.',
  'tasks.notChanged': '⚠️ A tarefa #{id} não foi alterada: {message}',
  'tasks.notLinkedAnyMore': 'Sua conta do Slack não está mais vinculada ao COR: use `/cor link` primeiro.',
  'tasks.refused.forbidden': 'O COR diz que você não tem permissão para alterar esta tarefa.',
  'tasks.refused.gone': 'Esta tarefa não existe mais no COR.',
  'tasks.refused.said': 'O COR recusou a alteração: {corSaid}.',
  'tasks.refused.invalid': 'O COR recusou a alteração: valores inválidos.',
  'tasks.logged.written': '✓ Registrei {duration} nesta tarefa hoje.',
  'tasks.logged.scheduled': '⏳ {duration} serão registrados hoje nesta tarefa em {seconds} s (você pode desfazer pela mensagem que te enviei).',
  'tasks.logged.relink': '⏳ Salvei {duration}: o COR não aceita mais meu acesso em seu nome; vou registrar assim que você vincular de novo (`/cor link`).',
  'tasks.logged.queued': '⏳ {duration} na fila: o COR não está respondendo; vou registrar assim que ele responder.',
  'tasks.logged.failed': '⚠️ Não foi possível registrar {duration}: {reason}.',
  'tasks.logged.unlinked': '⚠️ {duration} não foram registrados: você se desvinculou do COR nesse meio-tempo.',
  // ── end tasks ──

  // ── projects ──
  // ── end projects ──

  // ── timers ──
  'timer.tooShort': 'Seu cronômetro em *{title}* rodou menos de um minuto, então nada foi registrado.',
  'timer.refused': 'O COR recusou o lançamento do cronômetro em *{title}*: {reason}.',
  'timer.stopped': '{state, select, queued {⏳ Salvei} waiting {⏳ Registrando} other {✓ Registrei}} *{duration}* em *{title}*, {from}–{to}{parts, plural, =1 {} other { (dividido à meia-noite em # lançamentos)}}{tail, select, relink {; o COR não aceita mais meu acesso em seu nome: será registrado assim que você vincular de novo (`/cor link`)} queued {; o COR não está respondendo, será registrado assim que possível} other {}}.',
  'timer.stoppedPrevious': 'Parei seu cronômetro anterior. {stopped}',
  'timer.started': '⏱ Cronômetro iniciado em *{title}* às {time}. Use `/cor stop` quando terminar.',
  'timer.running': '⏱ Rodando em *{title}* desde {time} ({duration} até agora). Use `/cor stop` para registrar.',
  'timer.none': "Nenhum cronômetro está rodando. Inicie um com `/cor start '<tarefa>'`.",
  'timer.nothingToStop': 'Nenhum cronômetro está rodando, então não havia nada para parar.',
  'timer.startUsage': 'Iniciar um cronômetro em qual tarefa? `/cor start #48211` ou `/cor start banner da home`.',
  'timer.choose': 'Várias tarefas servem; inicie com o id:\n{options}',
  'timer.noTask': 'Não encontrei nenhuma tarefa aberta sua que corresponda a “{query}”.',
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
