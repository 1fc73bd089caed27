import { describe, expect, it } from 'vitest';
import { parseSimulateArgs } from './simulate-args.js';

describe('bk-simulate arguments', () => {
  it('reads the broker, scenario and speed, with defaults for the rest', () => {
    expect(
      parseSimulateArgs(['--broker', 'mqtt://127.0.0.1:1883', '--scenario=freezer_failing', '--speed', '600']),
    ).toEqual({
      broker: 'mqtt://127.0.0.1:1883',
      scenario: 'freezer_failing',
      speed: 600,
      seed: 1,
      verbose: false,
    });
  });

  it('refuses an unknown scenario, a missing broker and a bad number, naming the problem', () => {
    expect(parseSimulateArgs(['--broker', 'mqtt://x', '--scenario', 'fire'])).toMatch(/unknown scenario "fire"/);
    expect(parseSimulateArgs(['--scenario', 'normal'])).toBe('--broker is required');
    expect(parseSimulateArgs(['--broker', 'mqtt://x', '--speed', '0'])).toBe('--speed needs a positive number');
    expect(parseSimulateArgs(['--broker'])).toBe('--broker needs a value');
    expect(parseSimulateArgs(['--help'])).toBe('help');
  });
});
