import { describe, expect, it } from 'vitest';
import type { SampleRetentionRecord } from '../../domain/ledger.js';
import { validateLedger } from '../../rules/ledger/validate.js';
import { idempotentSink, scriptedTransport } from '../__tests__/harness.js';
import { createClient } from '../create-client.js';
import { isBrightKitchenError } from '../errors/bright-kitchen-error.js';

const record: SampleRetentionRecord = {
  kind: 'sample_retention',
  dishName: '红烧肉',
  meal: 'lunch',
  weightGrams: 60,
  sampledAt: '2024-05-01T11:30:00+08:00',
  storageUnit: '留样柜 1',
  sealedSeparately: true,
  person: '张三',
};

describe('ledgers.submit', () => {
  it('with validate, refuses a record the rules reject before it enters the outbox', async () => {
    const validate = (r: unknown) => validateLedger(r, { venueKind: 'school_canteen' });
    const sink = idempotentSink();
    const client = createClient({
      baseURL: 'http://bk.test',
      ...scriptedTransport(sink.answer),
      outbox: { autoStart: false },
    });
    const error = await client.ledgers.submit('v1', record, { validate }).catch((e: unknown) => e);
    expect(isBrightKitchenError(error, 'RuleError')).toBe(true);
    expect((error as { issues: { path: string }[] }).issues.map((i) => i.path)).toContain('weightGrams');
    expect(await client.outbox.pending()).toEqual([]);

    const ok = await client.ledgers.submit('v1', { ...record, weightGrams: 150 }, { validate });
    expect((await client.outbox.pending()).map((p) => p.id)).toEqual([ok.id]);
  });

  it('submitNow tells a first write (201) from a replay of the same key (200)', async () => {
    const sink = idempotentSink();
    const client = createClient({ baseURL: 'http://bk.test', ...scriptedTransport(sink.answer) });
    const first = await client.ledgers.submitNow('v1', record, { idempotencyKey: 'key-00000001' });
    const again = await client.ledgers.submitNow('v1', record, { idempotencyKey: 'key-00000001' });
    expect([first.replayed, again.replayed]).toEqual([false, true]);
    expect(again.record).toEqual(first.record);
    expect(sink.order).toHaveLength(1);
  });
});
