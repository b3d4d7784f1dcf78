import { describe, expect, it } from 'vitest';
import { boltLogger, scrubSecrets } from '../../src/logger.ts';
import { memoryLogger } from '../helpers/logger.ts';

describe('logger', () => {
  it('redacts token fields wherever they sit', () => {
    const { logger, text } = memoryLogger();
    logger.info({ accessToken: 'cor-at-1', link: { refreshToken: 'cor-rt-1', botToken: 'xoxb-9' }, headers: { authorization: 'Bearer abc' } }, 'saved');
    expect(text()).not.toMatch(/cor-at-1|cor-rt-1|xoxb-9|Bearer abc/);
    expect(text()).toContain('[redacted]');
  });

  it('scrubs token-shaped text from messages and errors, including through the Bolt adapter', () => {
    const { logger, text } = memoryLogger();
    logger.error({ err: new Error('call failed with Bearer cor-at-xyz') }, 'oops xoxb-123-456');
    boltLogger(logger).warn('token xapp-1-abc was rejected');
    expect(text()).not.toMatch(/cor-at-xyz|xoxb-123|xapp-1-abc/);
    expect(scrubSecrets('Basic Zm9vOmJhcmJhcg== and eyJhbGciOiJI.eyJzdWIiOiIxIn0.c2ln')).toBe('[redacted] and [redacted]');
  });
});
