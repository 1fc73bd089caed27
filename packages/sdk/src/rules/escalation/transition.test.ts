import { describe, expect, it } from 'vitest';
import { type AlertLifecycle, transitionAlert } from './transition.js';

const open: AlertLifecycle = { source: 'sensor', state: 'open', openedAt: '2024-06-01T10:00:00+08:00' };
const violation: AlertLifecycle = { ...open, source: 'violation' };
const at = '2024-06-01T10:05:00+08:00';

describe('transitionAlert', () => {
  it('acknowledges an open alert and records when', () => {
    const r = transitionAlert(open, { type: 'acknowledge' }, at);
    expect(r).toEqual({ ok: true, alert: { ...open, state: 'acknowledged', acknowledgedAt: at } });
  });

  it('resolves an acknowledged alert with the trimmed corrective action', () => {
    const acked = { ...open, state: 'acknowledged' as const, acknowledgedAt: at };
    const r = transitionAlert(
      acked,
      { type: 'resolve', correctiveAction: '  食材已转移至备用冰箱 ' },
      '2024-06-01T10:20:00+08:00',
    );
    expect(r).toEqual({
      ok: true,
      alert: {
        ...acked,
        state: 'resolved',
        resolvedAt: '2024-06-01T10:20:00+08:00',
        correctiveAction: '食材已转移至备用冰箱',
      },
    });
  });

  it('resolving an open alert acknowledges it at the same time', () => {
    const r = transitionAlert(violation, { type: 'resolve', correctiveAction: '已提醒员工戴帽' }, at);
    expect(r.ok && r.alert).toMatchObject({ state: 'resolved', acknowledgedAt: at, resolvedAt: at });
  });

  it('refuses to resolve without a corrective action, pointing at the field', () => {
    for (const correctiveAction of ['', '   \n']) {
      const r = transitionAlert(open, { type: 'resolve', correctiveAction }, at);
      expect(r).toMatchObject({
        ok: false,
        error: { code: 'ALERT_CORRECTIVE_ACTION_REQUIRED', path: 'correctiveAction' },
      });
      expect(r.ok || r.error.message.zh).toContain('整改措施');
    }
  });

  it('refuses any action on a resolved alert', () => {
    const resolved: AlertLifecycle = { ...open, state: 'resolved', resolvedAt: at, correctiveAction: 'x' };
    for (const action of [
      { type: 'acknowledge' },
      { type: 'resolve', correctiveAction: 'again' },
      { type: 'clear' },
    ] as const) {
      expect(transitionAlert(resolved, action, at)).toMatchObject({
        ok: false,
        error: { code: 'ALERT_INVALID_TRANSITION' },
      });
    }
  });

  it('lets a sensor alert clear by itself but not a violation', () => {
    const cleared = transitionAlert(open, { type: 'clear' }, at);
    expect(cleared).toEqual({ ok: true, alert: { ...open, state: 'resolved', resolvedAt: at } });
    expect(transitionAlert(violation, { type: 'clear' }, at)).toMatchObject({
      ok: false,
      error: { code: 'ALERT_INVALID_TRANSITION' },
    });
  });

  it('renews the acknowledgement when acknowledged again, and accepts epoch ms', () => {
    const acked = { ...open, state: 'acknowledged' as const, acknowledgedAt: at };
    const r = transitionAlert(acked, { type: 'acknowledge' }, Date.parse('2024-06-01T03:00:00Z'));
    expect(r.ok && r.alert.acknowledgedAt).toBe('2024-06-01T03:00:00.000Z');
  });

  it('keeps the other fields of a full alert', () => {
    const full = { ...open, id: 'a1', venueId: 'v1', type: 'SENSOR_FRIDGE_TOO_WARM', severity: 'critical' as const };
    const r = transitionAlert(full, { type: 'acknowledge' }, at);
    expect(r.ok && r.alert.id).toBe('a1');
  });
});
