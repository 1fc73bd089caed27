/** The three CLIs read their flags with `node:util` parseArgs: every flag of before, clear errors, `--help`. */
import { describe, expect, it } from 'vitest';
import { parseGatewayArgs } from './gateway-args.js';
import { parseConvertArgs } from './run.js';
import { parseSimulateArgs } from './simulate-args.js';

describe('bk-convert arguments', () => {
  it('reads every flag, spaced or with =, and the file (or - for stdin)', () => {
    expect(
      parseConvertArgs([
        '--vendor',
        'tasmota',
        '--topic=tele/x/SENSOR',
        '--content-type',
        'application/json',
        '--time-zone',
        'Asia/Urumqi',
        'in.json',
      ]),
    ).toEqual({
      help: false,
      vendor: 'tasmota',
      topic: 'tele/x/SENSOR',
      contentType: 'application/json',
      timeZone: 'Asia/Urumqi',
      file: 'in.json',
    });
    expect(parseConvertArgs(['--vendor', 'gb28181', '-'])).toEqual({ help: false, vendor: 'gb28181', file: '-' });
    expect(parseConvertArgs(['-h'])).toEqual({ help: true });
  });

  it('names the bad flag and what it accepts', () => {
    expect(parseConvertArgs(['--vendor'])).toMatch(/^--vendor needs a value: one of hikvision-isapi, gb28181, /);
    expect(parseConvertArgs(['--vendor', 'tasmota', 'a.json', 'b.json'])).toBe('unexpected argument "b.json"');
    expect(parseConvertArgs(['--vendor', 'tasmota', '--topic'])).toBe('--topic needs a value: TOPIC');
  });
});

describe('bk-gateway arguments', () => {
  it('reads --config (spaced or with =) and --verbose', () => {
    expect(parseGatewayArgs(['--config', 'gateway.json'])).toEqual({ config: 'gateway.json', verbose: false });
    expect(parseGatewayArgs(['--config=/etc/bk/gateway.json', '--verbose'])).toEqual({
      config: '/etc/bk/gateway.json',
      verbose: true,
    });
    expect(parseGatewayArgs(['--help'])).toBe('help');
  });

  it('refuses a missing config, an unknown flag and a value given to --verbose', () => {
    expect(parseGatewayArgs([])).toBe('--config is required');
    expect(parseGatewayArgs(['--config', 'g.json', '--verbos'])).toBe(
      'unknown option --verbos (accepted: --config, --verbose, --help)',
    );
    expect(parseGatewayArgs(['--config', 'g.json', '--verbose=yes'])).toBe('--verbose takes no value');
    expect(parseGatewayArgs(['--config', '--verbose'])).toBe(
      '--config needs a value: FILE (a value starting with "-" is written --config=VALUE)',
    );
  });
});

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

  it('reads every other flag it has always taken, a value starting with "-" included', () => {
    expect(
      parseSimulateArgs([
        '--broker=mqtt://b',
        '--username',
        'admin',
        '--password',
        '-secret-',
        '--seed',
        '7',
        '--devices',
        'devices.json',
        '--isapi-url',
        'http://p/v1/ingest/isapi/dev_1',
        '--isapi-username',
        'dev_1',
        '--isapi-password=pw',
        '--duration',
        '90',
        '-v',
      ]),
    ).toEqual({
      broker: 'mqtt://b',
      username: 'admin',
      password: '-secret-',
      scenario: 'normal',
      speed: 60,
      seed: 7,
      devicesFile: 'devices.json',
      isapiUrl: 'http://p/v1/ingest/isapi/dev_1',
      isapiUsername: 'dev_1',
      isapiPassword: 'pw',
      durationMin: 90,
      verbose: true,
    });
  });

  it('refuses an unknown scenario, a missing broker and a bad number, naming the problem', () => {
    expect(parseSimulateArgs(['--broker', 'mqtt://x', '--scenario', 'fire'])).toMatch(
      /^unknown scenario "fire" \(--scenario accepts: normal, fridge_door_open, /,
    );
    expect(parseSimulateArgs(['--scenario', 'normal'])).toBe('--broker is required');
    expect(parseSimulateArgs(['--speed', 'x'])).toBe('--speed needs a positive number, got "x"');
    expect(parseSimulateArgs(['--broker', 'mqtt://x', '--speed', '0'])).toBe(
      '--speed needs a positive number, got "0"',
    );
    expect(parseSimulateArgs(['--broker', 'mqtt://x', '--speed', 'fast'])).toBe(
      '--speed needs a positive number, got "fast"',
    );
    expect(parseSimulateArgs(['--broker', 'mqtt://x', '--duration', '10min'])).toBe(
      '--duration needs a positive number, got "10min"',
    );
    expect(parseSimulateArgs(['--broker', 'mqtt://x', '--seed='])).toBe('--seed needs a value: a positive number');
    expect(parseSimulateArgs(['--broker'])).toBe('--broker needs a value: URL');
    expect(parseSimulateArgs(['--broker', 'mqtt://x', '--speed', '-5'])).toBe(
      '--speed needs a positive number, got "-5"',
    );
    expect(parseSimulateArgs(['--broker', 'mqtt://x', 'extra'])).toBe('unexpected argument "extra"');
    expect(parseSimulateArgs(['--help'])).toBe('help');
  });
});
