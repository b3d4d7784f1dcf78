import { describe, expect, it } from 'vitest';
import type { TaskView } from '../../../../src/domain/tasks.ts';
import { textsIn } from '../../../../src/i18n/texts.ts';
import { taskCard, taskModalForm, tasksMessage, TASKS_PAGE } from '../../../../src/slack/tasks/blocks.ts';

const task = (i: number, over: Partial<TaskView> = {}): TaskView => ({
  id: 1000 + i,
  title: `Task ${i} <!channel> *bold*`,
  status: 'nueva',
  priority: i % 4,
  deadline: undefined,
  projectId: i % 3,
  project: `Project ${i % 3}`,
  client: 'Acme',
  ...over,
});
const now = new Date('2026-11-23T15:00:00Z');
const en = textsIn('en');

describe('task views', () => {
  it('pages within Slack’s 50 blocks per message and escapes what people typed', () => {
    const tasks = Array.from({ length: 95 }, (_, i) => task(i));
    for (let offset = 0; offset < 95; offset += TASKS_PAGE) {
      const m = tasksMessage(en, { tasks, query: 'x <@U1>', offset }, now, 'UTC', (id) => `https://acme.cor.example/tasks/${id}`);
      expect(m.blocks.length).toBeLessThanOrEqual(50);
      // What Slack renders (button values are data, not shown).
      const json = JSON.stringify(m.blocks, (key, v: unknown) => (key === 'value' ? undefined : v));
      expect(json).not.toContain('<!channel>');
      expect(json).not.toContain('<@U1>');
      expect(json.includes('tasks_more')).toBe(offset + TASKS_PAGE < 95);
      expect(json).toContain('‹!channel›');
    }
    expect(tasksMessage(en, { tasks: [], query: undefined, offset: 0 }, now, 'UTC', () => undefined).text).toContain('no open tasks');
  });

  it('the status form stays within a modal’s limits, whatever the tenant’s statuses', () => {
    const statuses = Array.from({ length: 150 }, (_, i) => `custom_${i}`);
    const view = taskModalForm(en, task(1, { status: 'custom_3' }), statuses, { t: 'T:1', u: 'U1', task: 1001 }, 'x'.repeat(5000));
    expect(view.blocks.length).toBeLessThanOrEqual(100);
    expect(view.private_metadata?.length ?? 0).toBeLessThanOrEqual(3000);
    const select = view.blocks.find((b) => 'block_id' in b && b.block_id === 'status') as { element: { options: unknown[]; initial_option?: { value: string } } };
    expect(select.element.options.length).toBeLessThanOrEqual(100);
    expect(select.element.initial_option?.value).toBe('custom_3');
    expect(taskCard(en, task(2), now, 'UTC', undefined).blocks.length).toBeLessThanOrEqual(5);
  });
});
