import type { NormalizedEvent, ReadingEvent, SwitchEvent } from '@brightkitchen/sdk';
import { describe, expect, it } from 'vitest';
import { ADAPTERS } from '../registry.js';
import { adapterForTopic } from '../sources/mqtt-topics.js';
import { splitIsapiBody } from '../vendors/hikvision-isapi/index.js';
import { tasmota } from '../vendors/tasmota/index.js';
import { KitchenModel, type SimMessage } from './kitchen-model.js';
import type { ScenarioName } from './scenarios.js';

const START = Date.parse('2024-05-01T12:00:00+08:00');
const MIN = 60_000;
const adapters = Object.values(ADAPTERS);

/** Every message through the built-in adapters, as the platform would: events in order, no rejection allowed. */
function convertAll(messages: readonly SimMessage[]) {
  const events: (NormalizedEvent & { at: number })[] = [];
  const rejections: string[] = [];
  const states = new Map<string, unknown>();
  for (const m of messages) {
    const raw =
      m.transport === 'mqtt'
        ? [{ topic: m.topic, payload: m.payload, receivedAt: new Date(m.at).toISOString() }]
        : splitIsapiBody({ payload: m.body, contentType: m.contentType, receivedAt: new Date(m.at).toISOString() })
            .messages;
    const adapter = m.transport === 'mqtt' ? adapterForTopic(adapters, m.topic) : ADAPTERS['hikvision-isapi'];
    if (!adapter) {
      rejections.push(`no adapter for ${m.transport === 'mqtt' ? m.topic : 'isapi'}`);
      continue;
    }
    for (const message of raw) {
      const key = `${adapter.vendor}:${message.topic}`;
      const result = adapter.convert(message, { state: states.get(key), violationMap: { '3': 'no_hat' } });
      if (!result.ok) rejections.push(`${m.transport === 'mqtt' ? m.topic : 'isapi'}: ${result.rejection.code}`);
      else {
        if (result.state !== undefined) states.set(key, result.state);
        events.push(...result.events.map((e) => ({ ...e, at: m.at })));
      }
    }
  }
  return { events, rejections };
}

function run(scenario: ScenarioName, minutes: number, seed = 7) {
  const model = new KitchenModel({ scenario, seed, startAt: START });
  const messages = [...model.birth(), ...model.advance(START + minutes * MIN)];
  return { model, messages, ...convertAll(messages) };
}

const temperatures = (events: readonly NormalizedEvent[], deviceId: string) =>
  events.filter(
    (e): e is ReadingEvent & { at: number } =>
      e.type === 'reading' && e.deviceId === deviceId && e.metric === 'temperature',
  );

describe('the simulated kitchen', () => {
  it('speaks every vendor format the adapters read, without a single rejection', () => {
    for (const scenario of ['normal', 'staff_without_hat', 'freezer_failing'] as const) {
      const { rejections, events } = run(scenario, 40);
      expect(rejections).toEqual([]);
      expect(new Set(events.map((e) => e.type))).toEqual(
        new Set(['reading', 'switch', 'availability', ...(scenario === 'staff_without_hat' ? ['violation'] : [])]),
      );
    }
  });

  it('is deterministic for a seed, and differs with another seed', () => {
    const a = run('normal', 30, 42).messages.map((m) => (m.transport === 'mqtt' ? m.payload : ''));
    const b = run('normal', 30, 42).messages.map((m) => (m.transport === 'mqtt' ? m.payload : ''));
    const c = run('normal', 30, 43).messages.map((m) => (m.transport === 'mqtt' ? m.payload : ''));
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
  });

  it('keeps every sensor inside its range when nothing goes wrong', () => {
    const { events } = run('normal', 120);
    const range = (id: string) => {
      const values = temperatures(events, id).map((e) => e.value);
      return [Math.min(...values), Math.max(...values)];
    };
    expect(temperatures(events, 'fridge_1')).toHaveLength(121);
    for (const id of ['fridge_1', 'fridge_2', 'sample_fridge']) {
      const [min, max] = range(id);
      expect(min).toBeGreaterThan(0);
      expect(max).toBeLessThan(8);
    }
    expect(range('freezer_1')[1]).toBeLessThan(-17);
    expect(range('shellyhtg3-84fce63ad204')[1]).toBeLessThan(25);
  });

  it('fridge_door_open: fridge 1 passes 8 °C at its first reading after the door opens and stays there', () => {
    const above = temperatures(run('fridge_door_open', 40).events, 'fridge_1').filter((e) => e.value > 8);
    expect(above[0]!.at - START).toBe(1 * MIN);
    expect(above).toHaveLength(40);
  });

  it('freezer_failing: the °F probe, read in °C, passes −12 °C and keeps warming', () => {
    const freezer = temperatures(run('freezer_failing', 40).events, 'freezer_1');
    expect(freezer[0]).toMatchObject({ unit: '°C' });
    expect(freezer.find((e) => e.value > -12)!.at - START).toBeLessThanOrEqual(17 * MIN);
    expect(freezer.at(-1)!.value).toBeGreaterThan(-5);
  });

  it('sensor_silent: fridge 2 says nothing after 5 minutes, and no offline either', () => {
    const { events } = run('sensor_silent', 30);
    const fridge2 = events.filter((e) => e.deviceId === 'fridge_2');
    expect(Math.max(...fridge2.map((e) => e.at)) - START).toBeLessThan(5 * MIN);
    expect(fridge2.some((e) => e.type === 'availability' && !e.online)).toBe(false);
  });

  it('staff_without_hat: both cameras report no_hat every 5 minutes, the Hikvision one with its snapshot', () => {
    const violations = run('staff_without_hat', 15).events.filter((e) => e.type === 'violation');
    expect(violations.map((v) => [v.type === 'violation' && v.violation, v.at - START])).toEqual([
      ['no_hat', 5 * MIN],
      ['no_hat', 5 * MIN],
      ['no_hat', 10 * MIN],
      ['no_hat', 10 * MIN],
      ['no_hat', 15 * MIN],
      ['no_hat', 15 * MIN],
    ]);
    expect(violations.filter((v) => v.type === 'violation' && v.snapshotRef === 'cid:Picture')).toHaveLength(3);
  });

  it('runs the UV lamp 30 minutes at its preset time; uv_lamp_never_ran switches on but draws nothing', () => {
    const power = (scenario: ScenarioName) =>
      run(scenario, 40)
        .events.filter((e): e is ReadingEvent & { at: number } => e.type === 'reading' && e.metric === 'power')
        .map((e) => [(e.at - START) / MIN, e.value > 1]);
    const normal = power('normal');
    const on = normal.filter(([, running]) => running).map(([minute]) => minute);
    expect(on[0]).toBe(3);
    expect(on.at(-1)).toBe(32);
    expect(on).toHaveLength(30);
    expect(power('uv_lamp_never_ran').every(([, running]) => !running)).toBe(true);
    const relay = run('uv_lamp_never_ran', 10).events.filter(
      (e): e is SwitchEvent & { at: number } => e.type === 'switch',
    );
    expect(relay.some((e) => e.on)).toBe(true);
  });

  it('obeys the schedule the platform encodes as Tasmota Timer commands', () => {
    const model = new KitchenModel({ seed: 1, startAt: START, uvPreset: false });
    const encoded = tasmota.encodeCommand!(
      { type: 'schedule', runs: [{ time: '12:10', durationMin: 30 }] },
      { deviceId: 'uv_lamp_1' },
    );
    if (!encoded.ok) throw new Error('encode failed');
    const replies = encoded.messages.flatMap((m) => model.command(m.topic, m.payload));
    expect(replies[0]).toMatchObject({ topic: 'stat/uv_lamp_1/RESULT', payload: expect.stringContaining('"Timer1"') });
    const { events } = convertAll(model.advance(START + 50 * MIN));
    const on = events
      .filter((e) => e.type === 'reading' && e.metric === 'power' && e.value > 1)
      .map((e) => (e.at - START) / MIN);
    expect([on[0], on.at(-1), on.length]).toEqual([10, 39, 30]);
    const power = model.command('cmnd/uv_lamp_1/POWER', 'ON');
    expect(power.map((m) => (m.transport === 'mqtt' ? `${m.topic} ${m.payload}` : ''))).toContain(
      'stat/uv_lamp_1/POWER ON',
    );
  });
});

describe('incidents during a run', () => {
  it('starts a scenario from the time reached (a failing freezer after 2 min) and recovers when set back to normal', () => {
    const model = new KitchenModel({ seed: 3, startAt: START });
    const messages = [...model.birth(), ...model.advance(START + 30 * MIN)];
    model.setScenario('freezer_failing');
    messages.push(...model.advance(START + 31 * MIN));
    expect(temperatures(convertAll(messages).events, 'freezer_1').at(-1)?.value).toBeLessThan(-17);
    model.setScenario('fridge_door_open');
    messages.push(...model.advance(START + 31.5 * MIN));
    expect(temperatures(convertAll(messages).events, 'fridge_1').at(-1)?.value).toBeLessThan(5);
    // The door warms the fridge from the moment it opens: above 8 ℃ at the next reading.
    messages.push(...model.advance(START + 32 * MIN));
    expect(temperatures(convertAll(messages).events, 'fridge_1').at(-1)?.value).toBeGreaterThan(8);
    messages.push(...model.advance(START + 45 * MIN));
    const warm = temperatures(convertAll(messages).events, 'fridge_1').at(-1);
    expect(warm?.value).toBeGreaterThan(10);
    model.setScenario('normal');
    expect(model.scenario).toBe('normal');
    messages.push(...model.advance(START + 47 * MIN));
    const back = temperatures(convertAll(messages).events, 'fridge_1').at(-1);
    expect(back?.value).toBeLessThan(5);
  });

  it('sees staff without a hat only while that incident lasts', () => {
    const model = new KitchenModel({ seed: 5, startAt: START, cameraPeriodMs: MIN });
    const before = convertAll([...model.birth(), ...model.advance(START + 10 * MIN)]).events;
    expect(before.some((e) => e.type === 'violation')).toBe(false);
    model.setScenario('staff_without_hat');
    const during = convertAll(model.advance(START + 13 * MIN)).events;
    expect(during.filter((e) => e.type === 'violation').length).toBeGreaterThan(0);
    model.setScenario('normal');
    const after = convertAll(model.advance(START + 16 * MIN)).events;
    expect(after.some((e) => e.type === 'violation')).toBe(false);
  });
});
