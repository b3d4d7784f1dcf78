import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import type { BudgetAlertKey } from '../../../src/store/budget.ts';
import { tempStore, type TempStore } from '../../helpers/store.ts';

describe.each(['sqlite', 'postgresql'] as const)('budget alert claims on %s', (kind) => {
  let db: TempStore;
  beforeEach(async () => {
    db = await tempStore(kind === 'postgresql' ? { postgres: inject('postgresUrl') } : {});
  });
  afterEach(() => db.cleanup());

  const key = (threshold: number, estimate = '10'): BudgetAlertKey => ({ tenantKey: 'T:T0DEMO', channelId: 'C0HOME', corProjectId: 100, threshold, estimate });

  it('an alert is claimed once; a lower threshold of the same estimate never after a higher one; a new estimate starts again', async () => {
    expect(await db.store.budget.claim(key(100))).toBe(true);
    expect(await db.store.budget.claim(key(100))).toBe(false);
    // A sweep still holding the reading from before the jump to 100 % would post 80 % after it.
    expect(await db.store.budget.claim(key(80))).toBe(false);
    expect(await db.store.budget.claim(key(80, '20'))).toBe(true);
  });
});
