import { describe, expect, it } from 'vitest';
import { matchTask } from '../../../src/domain/task-match.ts';

const tasks = [
  { id: 48211, title: 'Homepage redesign - hero section', project: 'Homepage redesign', client: 'Acme Foods' },
  { id: 48212, title: 'Homepage redesign - footer', project: 'Homepage redesign', client: 'Acme Foods' },
  { id: 48213, title: 'Mobile app login flow', project: 'Mobile app', client: 'Bolt Motors' },
  { id: 48215, title: 'Diseño de piezas para redes', project: 'Campaña Verano', client: 'Café Río' },
  { id: 48216, title: 'Reunión de planificación', project: 'Internal', client: 'Acme Foods' },
  { id: 48217, title: 'Logo e identidad', project: 'Diseño de marca', client: 'Café Río' },
  { id: 48218, title: 'Campaña verano - copy', project: 'Campaña Verano', client: 'Café Río' },
  { id: 48219, title: 'QA regression pass', project: 'Mobile app', client: 'Bolt Motors' },
];

const idOf = (q: string) => {
  const m = matchTask(q, tasks);
  return m.kind === 'clear' ? m.task.id : m.kind === 'several' ? m.options.map((o) => o.task.id) : 'none';
};

describe('matchTask', () => {
  it.each([
    ['Mobile app login flow', 48213],
    ['mobile app login', 48213],
    ['login', 48213],
    ['login flwo', 48213],
    ['QA', 48219],
    ['regresion', 48219],
    ['reunion planificacion', 48216],
    ['REUNIÓN', 48216],
    ['hero', 48211],
    ['footer', 48212],
    ['homepage footer', 48212],
    ['diseno piezas', 48215],
    ['logo', 48217],
    ['verano copy', 48218],
  ])('"%s" finds one clear task', (query, id) => {
    expect(idOf(query)).toBe(id);
  });

  it('offers the top matches when several fit', () => {
    expect([...(idOf('Homepage redesign') as number[])].sort()).toEqual([48211, 48212]);
    expect(idOf('verano')).toBe(48218); // in the title beats in the project
  });

  it('matches on project and client too, but title first', () => {
    const m = matchTask('Bolt Motors', tasks);
    expect(m.kind).toBe('several');
    if (m.kind === 'several') expect(m.options.map((o) => o.task.id).sort()).toEqual([48213, 48219]);
  });

  it('says none when nothing fits', () => {
    expect(idOf('kubernetes migration')).toBe('none');
    expect(idOf('x')).toBe('none');
  });

  it('keeps the picker short', () => {
    const many = Array.from({ length: 30 }, (_, i) => ({ id: i, title: `Backlog item ${i}` }));
    const m = matchTask('backlog', many);
    expect(m.kind === 'several' && m.options.length).toBe(5);
  });

  it('never picks a numbered title whose number differs from the words', () => {
    const sprints = [
      { id: 1, title: 'QA regression sprint 12', project: 'Mobile app' },
      { id: 2, title: 'Design review', project: 'Mobile app' },
    ];
    expect(matchTask('QA regression sprint 13', sprints).kind).toBe('several');
    expect(matchTask('QA regression sprint 12', sprints)).toMatchObject({ kind: 'clear', task: { id: 1 } });
    expect(matchTask('QA regression sprint 13', [...sprints, { id: 3, title: 'QA regression sprint 13' }])).toMatchObject({ kind: 'clear', task: { id: 3 } });
    expect(matchTask('Release 3.3', [{ id: 4, title: 'Release 3.2' }]).kind).toBe('several');
    expect(matchTask('Release 2.1', [{ id: 5, title: 'Release 1.2' }]).kind).toBe('several');
    expect(matchTask('sprint13 QA', [{ id: 6, title: 'Sprint12 QA' }]).kind).not.toBe('clear');
    expect(matchTask('Release 3.2', [{ id: 4, title: 'Release 3.2' }])).toMatchObject({ kind: 'clear', task: { id: 4 } });
  });

  it('reads no more of a very long query than a task title has (and matches nothing with it)', () => {
    const many = Array.from({ length: 500 }, (_, i) => ({ id: i, title: `Backlog item ${i} for the ${i % 7} team`, project: 'Internal' }));
    const long = 'backlog item '.repeat(400);
    expect(matchTask(long, many).kind).toBe('none');
    expect(matchTask('backlog item 42', many)).toMatchObject({ kind: 'clear', task: { id: 42 } });
  });
});
