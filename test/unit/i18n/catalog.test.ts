import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import { en } from '../../../src/i18n/en.ts';
import { es } from '../../../src/i18n/es.ts';
import { pt } from '../../../src/i18n/pt.ts';
import type { Catalog, MessageKey } from '../../../src/i18n/catalog.ts';
import { textsIn } from '../../../src/i18n/texts.ts';

/** The argument names of an ICU message, plural and select branches included. */
function argumentsOf(message: string, locale: string): string[] {
  const names = new Set<string>();
  const visit = (nodes: readonly unknown[]): void => {
    for (const node of nodes as { value?: unknown; options?: Record<string, { value: unknown[] }> }[]) {
      if (node.options) for (const option of Object.values(node.options)) visit(option.value);
      if (typeof node.value === 'string' && 'type' in node && (node as { type: number }).type !== 0 && (node as { type: number }).type !== 7) names.add(node.value);
    }
  };
  visit(new IntlMessageFormat(message, locale, undefined, { ignoreTag: true }).getAst());
  return [...names].sort();
}

const keys = Object.keys(en) as MessageKey[];

describe('the catalogs', () => {
  it('every message of every language is valid ICU with the English message arguments', () => {
    const drifted: string[] = [];
    for (const key of keys) {
      const wanted = argumentsOf(en[key], 'en');
      for (const [name, catalog, locale] of [['es', es, 'es'], ['pt', pt, 'pt-BR']] as const) {
        const got = argumentsOf(catalog[key], locale);
        if (got.join() !== wanted.join()) drifted.push(`${name} ${key}: ${got.join(',')} ≠ ${wanted.join(',')}`);
      }
    }
    expect(drifted).toEqual([]);
  });

  it('Spanish and Portuguese hold exactly the English keys (also checked by the type check)', () => {
    expect(Object.keys(es).sort()).toEqual([...keys].sort());
    expect(Object.keys(pt).sort()).toEqual([...keys].sort());
    // @ts-expect-error a catalog missing a key is not a Catalog
    const missing: Catalog = (({ 'help.lead': _dropped, ...rest }) => rest)(es);
    // @ts-expect-error a catalog with a key English does not have is not a Catalog
    const extra: Catalog = { ...es, 'help.nonsense': 'x' } satisfies Catalog;
    expect([missing, extra]).toHaveLength(2);
  });

  it("a message's arguments are typed from the English one", () => {
    const t = textsIn('en');
    expect(t.t('help.unknown', { sub: 'foo' })).toContain('`foo`');
    // @ts-expect-error an argument the message needs is missing
    expect(() => t.t('help.unknown')).toThrow();
    // @ts-expect-error a message with no arguments takes none
    expect(t.t('help.lead', { sub: 'x' })).toBe(en['help.lead']);
    expect(t.t('language.now', { name: 'English', auto: 'yes' })).toContain('(your Slack language)');
  });
});

describe('formats of each language', () => {
  it('durations', () => {
    expect([150, 45, 480].map((m) => textsIn('en').minutes(m))).toEqual(['2h 30m', '45m', '8h']);
    expect([150, 45, 480].map((m) => textsIn('es').minutes(m))).toEqual(['2 h 30 min', '45 min', '8 h']);
    expect(textsIn('pt').hours(1.5)).toBe('1 h 30 min');
  });

  it('numbers, days, weekdays and lists', () => {
    expect([textsIn('en').number(1.5), textsIn('es').number(1.5), textsIn('pt').number(1.5)]).toEqual(['1.5', '1,5', '1,5']);
    expect([textsIn('en').day('2026-12-07'), textsIn('es').day('2026-12-07'), textsIn('pt').day('2026-12-07')]).toEqual(['Mon 7 Dec', 'lun 7 dic', 'seg., 7 de dez.']);
    expect(textsIn('en').day('2026-09-07')).toBe('Mon 7 Sep');
    expect([textsIn('en').weekday(1), textsIn('es').weekday(7), textsIn('pt').weekday(3)]).toEqual(['Monday', 'domingo', 'quarta-feira']);
    expect(textsIn('es').list(['Ana', 'Bruno', 'Carla'])).toBe('Ana, Bruno y Carla');
  });

  it("Slack's markup in a message is text, not an ICU tag", () => {
    expect(textsIn('en').t('help.unknown', { sub: '<@U123> <https://x.example|x>' })).toContain('<@U123> <https://x.example|x>');
  });

  it('one Texts per language', () => {
    expect(textsIn('es')).toBe(textsIn('es'));
  });
});

describe('wording of each language', () => {
  it('the digest lead reads right for one short person, and the threshold reads as "fewer than"', () => {
    const lead = (language: 'en' | 'es' | 'pt', short: number) => textsIn(language).t('digest.lead', { weekly: 'no', date: 'Fri 27 Nov', short, total: 5 });
    expect([lead('en', 1), lead('en', 2), lead('en', 0)]).toEqual(['*Hours for Fri 27 Nov*: 1 of 5 people is short.', '*Hours for Fri 27 Nov*: 2 of 5 people are short.', '*Hours for Fri 27 Nov*: nobody is short.']);
    expect([lead('es', 1), lead('es', 2)]).toEqual(['*Horas del Fri 27 Nov*: a 1 de 5 personas le faltan horas.', '*Horas del Fri 27 Nov*: a 2 de 5 personas les faltan horas.']);
    expect([lead('pt', 1), lead('pt', 2)]).toEqual(['*Horas de Fri 27 Nov*: 1 de 5 pessoas com horas faltando.', '*Horas de Fri 27 Nov*: 2 de 5 pessoas com horas faltando.']);
    expect([textsIn('es').t('digest.short.under', { hours: '6 h' }), textsIn('pt').t('digest.short.under', { hours: '6 h' })]).toEqual(['con menos de 6 h', 'com menos de 6 h']);
    expect(textsIn('es').t('digest.form.short')).toBe('Avisar si registran menos de (horas por día laboral; vacío: su propio objetivo)');
  });
});

describe('one term per language', () => {
  const words = (catalog: Catalog) => Object.values(catalog).join('\n');
  it('Spanish: cronómetro, registro(s) de horas, Configuración', () => {
    expect(words(es)).not.toMatch(/temporizador|entradas?\b|ajustes/i);
    expect(textsIn('es').t('home.reminderSettings')).toBe('Configuración de recordatorios');
  });
  it('Portuguese: registro(s), de licença, Configurações', () => {
    expect(words(pt)).not.toMatch(/lançamentos?|entradas?\b|de folga|ajustes/i);
    expect(textsIn('pt').t('summary.onLeave', { name: 'Férias' })).toBe('de licença (Férias)');
  });
});

describe('register and agreement', () => {
  const es_ = textsIn('es');
  const pt_ = textsIn('pt');
  it('Spanish: presiona, una duración, and a time entry that agrees with any duration', () => {
    expect(es_.t('project.form.startHint')).toContain('Presiona Enter');
    expect(es_.t('log.parse.zero')).toBe('Eso no es una duración: indica una mayor que cero.');
    expect(es_.t('log.queued', { duration: '45 min', task: '*QA*', when: 'hoy' })).toContain('tu registro de 45 min en *QA* (hoy) queda guardado');
    expect(es_.t('remind.done', { kind: 'day', logged: '1 h', date: 'lun 7 dic' })).toBe('✓ Registraste 1 h hoy (lun 7 dic). ¡Gracias!');
  });
  it('Portuguese: você, a question that asks, and a time entry that agrees with any duration', () => {
    expect(pt_.t('digest.ownerNoLongerLeads')).toContain('o COR não dá mais a você o papel');
    expect(pt_.t('log.confirm.ask', { duration: '2 h', task: '*QA*', when: 'hoje' })).toBe('Posso registrar *2 h* em *QA*, hoje?');
    expect(pt_.t('tasks.logged.unlinked', { duration: '1 h' })).toBe('⚠️ Não registrei 1 h: você se desvinculou do COR nesse meio-tempo.');
    expect(pt_.t('log.later.back', { duration: '1 h', title: 'QA', day: 'seg., 7 de dez.', from: '09:00', to: '10:00', entry: 7 })).toContain('seu registro de 1 h em *QA* de seg., 7 de dez. (09:00–10:00) já está no COR');
  });
});

describe('no stray ICU quotes', () => {
  it('a tag-like <task> is written plainly and renders as written', () => {
    for (const catalog of [en, es, pt]) expect(catalog['linking.welcome.tipLog']).not.toContain("'<");
    expect(textsIn('en').t('linking.welcome.tipLog')).toBe('`/cor log 2h on <task> yesterday`: log time in plain words');
    expect(textsIn('es').t('linking.welcome.tipLog')).toBe('`/cor log 2h en <tarea> ayer`: registra horas con tus palabras');
    expect(textsIn('pt').t('linking.welcome.tipLog')).toBe('`/cor log 2h em <tarefa> ontem`: registre horas com suas palavras');
  });
});

describe('read-through', () => {
  const words = (catalog: Catalog) => Object.values(catalog).join('\n');
  it('Spanish: día laboral, “en tu nombre”, usa `/cor link`, and no English examples', () => {
    expect(words(es)).not.toMatch(/laborable|acceso por ti|ejecuta|de la home|tu formulario/);
    expect(textsIn('es').t('log.parse.two_spans', { words: '2h 9-11' })).toContain('Veo más de una duración u horario en “2h 9-11”.');
  });
  it('Portuguese: “em seu nome”, use `/cor link`, and no English examples', () => {
    expect(words(pt)).not.toMatch(/acesso por você|execute|da home|seu formulário|me interrompeu/);
    expect(textsIn('pt').t('log.bend.midnight')).toBe('Isso passa da meia-noite e entra em outro dia.');
  });
});
