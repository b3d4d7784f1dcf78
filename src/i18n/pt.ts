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
  // ── end reminders ──

  // ── digests ──
  // ── end digests ──

  // ── home ──
  // ── end home ──

  // ── summary ──
  // ── end summary ──

  // ── linking ──
  'linking.whoami.linked': 'Sua conta está vinculada como *{name}*, usuário {corUserId} do COR, desde {since}.',
  'linking.whoami.linkedEmail': 'Sua conta está vinculada como *{name}* ({email}), usuário {corUserId} do COR, desde {since}.',
  'linking.whoami.access': 'Acesso ao COR: {state, select, active {ativo (renovado automaticamente)} needs_relink {expirado de vez: use `/cor link` para vincular de novo} unverified {não foi possível verificar (o COR não respondeu); vou tentar de novo} other {não existe: use `/cor link`}}.',
  'linking.whoami.zone': 'Fuso horário: {tz} · Idioma:{language, select, es { espanhol} pt { português} other { inglês}} {how, select, chosen {(escolhido por você; `/cor language auto` volta a seguir o Slack)} other {(segue o Slack)}}',
  'linking.entry': '• {duration} na tarefa #{taskId}, {when}',
  'linking.more': '• …e mais {n}',
  'linking.unlink.nothing': 'Sua conta não estava vinculada, então não havia nada para remover.',
  'linking.unlink.done': 'Pronto, sua conta não está mais vinculada. Suas credenciais do COR foram apagadas; não posso mais agir como você no COR.',
  'linking.unlink.cancelled': 'Estes ainda esperavam o COR e *não serão registrados*:',
  'linking.unlink.unknown': 'Estes *talvez já estejam no COR* (o COR não respondeu a uma tentativa anterior e não posso mais verificar): confira no COR antes de registrá-los de novo:',
  'linking.unlink.inFlight': 'Estes *estão sendo registrados no COR agora*; vou avisar como cada um termina:',
  'linking.unlink.timer': 'Seu cronômetro em andamento na tarefa #{taskId} foi descartado.',
  'linking.unlink.again': 'Use `/cor link` quando quiser vincular de novo.',
  'linking.welcome.lead': 'Sua conta está vinculada ao COR como *{name}*. Experimente:',
  'linking.welcome.text': 'Sua conta está vinculada ao COR como {name}.',
  'linking.welcome.tipLog': "`/cor log 2h em '<tarefa>' ontem`: registre horas com suas palavras",
  'linking.welcome.tipTasks': '`/cor tasks`: suas tarefas abertas',
  'linking.welcome.tipWhoami': '`/cor whoami`: confira o vínculo',
  'linking.welcome.emailDifferent': 'Seu e-mail do COR ({corEmail}) não é seu e-mail do Slack ({slackEmail}). Se essa conta do COR não é sua, use `/cor unlink` e vincule de novo.',
  'linking.welcome.emailUnknown': 'Não consegui comparar seu e-mail do COR com seu e-mail do Slack (não conheço um deles). Se essa conta do COR não é sua, use `/cor unlink` e vincule de novo.',
  'linking.welcome.ended': '{n, plural, one {# registro de horas que esperava foi pedido com outra conta do COR, então *não* o registrei com esta} other {# registros de horas que esperavam foram pedidos com outra conta do COR, então *não* os registrei com esta}} (confira no COR e registre de novo o que for seu):',
  'linking.welcome.released': '{n, plural, one {# registro de horas que esperava por você está sendo registrado agora} other {# registros de horas que esperavam por você estão sendo registrados agora}}; vou avisar quando cada um for registrado.',
  'linking.relink.lead': 'O COR deixou de aceitar meu acesso em seu nome (sua sessão do COR terminou ou foi revogada), então não posso registrar horas nem mudar tarefas por você até você vincular de novo.{n, plural, =0 {} one { Seu registro de horas que ainda não está no COR fica guardado: ele espera por você e será registrado assim que você vincular de novo.} other { Seus # registros de horas que ainda não estão no COR ficam guardados: eles esperam por você e serão registrados assim que você vincular de novo.}}',
  'linking.relink.button': 'Vincular de novo',
  'linking.relink.run': 'Use `/cor link` para vincular de novo.',
  'linking.refused.different': 'Não vinculei você ao COR: a conta do COR que aprovou seu vínculo pertence a outro usuário do COR (o e-mail dela não é seu e-mail do Slack). Um vínculo é só para a sua própria conta do COR: entre no COR com a sua conta e use `/cor link` de novo.',
  'linking.refused.unknown': 'Não vinculei você ao COR: não consegui verificar que a conta do COR que aprovou seu vínculo é sua, porque o Slack não me informou seu e-mail (ou essa conta do COR não tem um). Quem administra o bot pode verificar se o aplicativo tem a permissão `users:read.email`.',
  'linking.claimed.linked': '{who} vinculou sua conta do COR ({email}) ao próprio usuário do Slack: alguém com a sua sessão do COR aprovou o vínculo que {who} iniciou, e este espaço de trabalho permite vínculos com e-mails diferentes.',
  'linking.claimed.linkedNow': 'Agora {who} pode registrar horas e mudar tarefas *como você* no COR através de mim. Se não era isso que você queria, peça a {who} para usar `/cor unlink`, ou peça a quem administra o bot para remover o vínculo.',
  'linking.claimed.tried': '{who} tentou vincular sua conta do COR ({email}) ao próprio usuário do Slack: alguém com a sua sessão do COR aprovou o vínculo que {who} iniciou.',
  'linking.claimed.nothing': '*Nada foi vinculado*: {who} não pode agir como você no COR através de mim. Um vínculo é sempre só para o seu próprio usuário do Slack; para vincular o seu, use `/cor link`.',
  // ── end linking ──

  // ── consent pages (http/) ──
  'page.linked.title': 'Conta vinculada como {name}',
  'page.linked.message': 'Você pode fechar esta aba e voltar ao Slack.',
  'page.missing_state.title': 'Este link está incompleto',
  'page.missing_state.message': 'Comece de novo no Slack com /cor link.',
  'page.unknown_state.title': 'Este link não é válido',
  'page.unknown_state.message': 'Ele não foi criado para este bot. Comece de novo no Slack com /cor link.',
  'page.used_state.title': 'Este link já foi usado',
  'page.used_state.message': 'Cada link funciona uma só vez. Comece de novo no Slack com /cor link.',
  'page.expired_state.title': 'Este link expirou',
  'page.expired_state.message': 'Os links valem por 10 minutos. Comece de novo no Slack com /cor link.',
  'page.denied.title': 'Não vinculado',
  'page.denied.message': 'Você não permitiu o acesso no COR, então nada mudou. Você pode tentar de novo quando quiser com /cor link.',
  'page.missing_code.title': 'O COR não enviou um código',
  'page.missing_code.message': 'Nada mudou. Comece de novo no Slack com /cor link.',
  'page.exchange_failed.title': 'O COR não confirmou o vínculo',
  'page.exchange_failed.message': 'Nada mudou. Tente de novo em um minuto com /cor link.',
  'page.email_mismatch.title': 'Não vinculado: esta conta do COR não é de quem pediu',
  'page.email_mismatch.message': 'O e-mail da conta do COR que aprovou este vínculo não é o e-mail do Slack da pessoa que o pediu, então nada foi vinculado e nenhum acesso a esta conta do COR foi guardado. Um vínculo é sempre só para o seu próprio usuário do Slack: para vincular o seu, use /cor link no Slack e entre no COR com a sua conta.',
  'page.email_unknown.title': 'Não vinculado: não consegui verificar de quem é esta conta do COR',
  'page.email_unknown.message': 'O Slack não me informou o e-mail da pessoa que pediu este vínculo (ou esta conta do COR não tem um), então não consegui verificar que esta conta do COR é dela. Nada foi vinculado e nenhum acesso a esta conta do COR foi guardado. Quem administra o bot pode verificar se o aplicativo do Slack tem a permissão users:read.email.',
  // ── end consent pages (http/) ──

  // ── workspace ──
  'workspace.installed.title': 'O COR está instalado',
  'workspace.installed.message': 'Volte ao Slack e experimente /cor help, depois /cor link.',
  'workspace.failed.title': 'A instalação não terminou',
  'workspace.failed.message': 'Nada foi instalado. Comece de novo pelo link de instalação.',
  // ── end workspace ──
};
