import { describe, expect, it } from 'vitest';
import { dueDateIn } from '../../../../src/domain/parse/due-date.ts';

/** Monday 7 December 2026. */
const TODAY = '2026-12-07';

describe('dueDateIn: the due date a message says', () => {
  it.each([
    ['<@U02JOHN> can you change the hero copy by Friday?', '2026-12-11'],
    ['by next friday please', '2026-12-18'],
    ['¿Puedes cambiar el texto para el viernes?', '2026-12-11'],
    ['Você pode mudar até sexta?', '2026-12-11'],
    ['para mañana', '2026-12-08'],
    ['Send it by 24/12', '2026-12-24'],
    ['by the end of march', '2027-03-31'],
  ])('%s → %s', (text, date) => {
    expect(dueDateIn(text, TODAY)).toBe(date);
  });

  it.each(['nothing here', 'I bought a byte', 'ready until then', 'by the way, para el cliente'])('%s → none', (text) => {
    expect(dueDateIn(text, TODAY)).toBeUndefined();
  });
});
