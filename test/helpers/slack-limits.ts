import { en } from '../../src/i18n/en.ts';
import { es } from '../../src/i18n/es.ts';
import { pt } from '../../src/i18n/pt.ts';

/** Slack's limits (../shared/slack/PLATFORM.md and Block Kit's reference) that our surfaces can reach. */
const LIMIT = { modalTitle: 24, modalButton: 24, button: 75, option: 75, placeholder: 150, section: 3_000, field: 2_000, header: 150, altText: 2_000, messageBlocks: 50, viewBlocks: 100, options: 100, contextElements: 10, actionsElements: 25 };

type Json = unknown;

function textOf(value: Json): string | undefined {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object' && typeof (value as { text?: unknown }).text === 'string') return (value as { text: string }).text;
  return undefined;
}

/** Every limit a message or view breaks, each as "where: what" (empty: within Slack's limits). */
export function limitProblems(surface: Json, kind: 'message' | 'modal' | 'home'): string[] {
  const problems: string[] = [];
  const over = (where: string, text: string | undefined, max: number) => {
    if (text !== undefined && text.length > max) problems.push(`${where} is ${text.length} > ${max}: ${text.slice(0, 60)}…`);
  };
  const s = surface as { title?: Json; submit?: Json; close?: Json; blocks?: Json[] };
  const blocks = s.blocks ?? [];
  if (kind === 'modal') {
    over('modal title', textOf(s.title), LIMIT.modalTitle);
    over('modal submit', textOf(s.submit), LIMIT.modalButton);
    over('modal close', textOf(s.close), LIMIT.modalButton);
  }
  const maxBlocks = kind === 'message' ? LIMIT.messageBlocks : LIMIT.viewBlocks;
  if (blocks.length > maxBlocks) problems.push(`${blocks.length} blocks > ${maxBlocks}`);
  const visit = (node: Json, path: string): void => {
    if (Array.isArray(node)) return node.forEach((n, i) => visit(n, `${path}[${i}]`));
    if (!node || typeof node !== 'object') return;
    const n = node as Record<string, Json>;
    switch (n.type) {
      case 'section':
        over(`${path} section`, textOf(n.text), LIMIT.section);
        if (Array.isArray(n.fields)) n.fields.forEach((f, i) => over(`${path} field ${i}`, textOf(f), LIMIT.field));
        break;
      case 'header':
        over(`${path} header`, textOf(n.text), LIMIT.header);
        break;
      case 'button':
        over(`${path} button`, textOf(n.text), LIMIT.button);
        break;
      case 'context':
        if (Array.isArray(n.elements) && n.elements.length > LIMIT.contextElements) problems.push(`${path} context has ${n.elements.length} elements`);
        break;
      case 'actions':
        if (Array.isArray(n.elements) && n.elements.length > LIMIT.actionsElements) problems.push(`${path} actions has ${n.elements.length} elements`);
        break;
      case 'image':
        over(`${path} alt_text`, textOf(n.alt_text), LIMIT.altText);
        break;
    }
    if (n.placeholder !== undefined) over(`${path} placeholder`, textOf(n.placeholder), LIMIT.placeholder);
    if (Array.isArray(n.options)) {
      if (n.options.length > LIMIT.options) problems.push(`${path} has ${n.options.length} options`);
      n.options.forEach((o, i) => over(`${path} option ${i}`, textOf((o as { text?: Json }).text), LIMIT.option));
    }
    if (n.initial_option) over(`${path} initial option`, textOf((n.initial_option as { text?: Json }).text), LIMIT.option);
    for (const [key, value] of Object.entries(n)) if (key !== 'text' && typeof value === 'object') visit(value, `${path}.${key}`);
  };
  visit(blocks, 'blocks');
  return problems;
}

/** The texts a person reads on a surface: every text, title, label, placeholder, option and alt text (not ids, values or urls). */
function visibleTexts(surface: Json): string[] {
  const found: string[] = [];
  const visit = (node: Json, key: string): void => {
    if (typeof node === 'string') {
      if (key === 'text' || key === 'alt_text' || key === 'fallback') found.push(node);
      return;
    }
    if (Array.isArray(node)) return node.forEach((n) => visit(n, key));
    if (!node || typeof node !== 'object') return;
    for (const [k, v] of Object.entries(node as Record<string, Json>)) {
      if (k === 'action_id' || k === 'block_id' || k === 'value' || k === 'url' || k === 'private_metadata' || k === 'callback_id' || k === 'image_url') continue;
      visit(v, k);
    }
  };
  visit(surface, '');
  return found;
}

const words = (text: string): string[] => text.toLowerCase().match(/\p{L}{4,}/gu) ?? [];

/** Words of the English catalog that neither Spanish nor Portuguese use anywhere (their presence in an es/pt render is a leak). */
function englishOnlyWords(): Set<string> {
  const elsewhere = new Set([...Object.values(es), ...Object.values(pt)].flatMap(words));
  return new Set(Object.values(en).flatMap(words).filter((w) => !elsewhere.has(w)));
}
const ENGLISH_ONLY = englishOnlyWords();

/**
 * English words of the catalog found in a render meant for Spanish or Portuguese readers. `data`: the names, task and
 * project titles the render was given (they are shown as they are, whatever their language).
 */
export function englishLeaks(surface: Json, data: readonly string[] = []): string[] {
  const allowed = new Set(data.flatMap(words));
  const leaks = new Set<string>();
  for (const text of visibleTexts(surface)) {
    // Command syntax (`/cor log 2h on …`) and links (<url|label>) are not prose.
    const prose = text.replace(/`[^`]*`/g, ' ').replace(/<[^>|]*\|?/g, ' ');
    for (const w of words(prose)) if (ENGLISH_ONLY.has(w) && !allowed.has(w)) leaks.add(w);
  }
  return [...leaks].sort();
}
