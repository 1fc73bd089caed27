/** The CLI as a vendor runs it: a child process, a file or stdin, JSON lines out, exit codes. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const here = fileURLToPath(new URL('.', import.meta.url));
const fixtures = fileURLToPath(new URL('../../fixtures/', import.meta.url));
let dir = '';
let cli = '';

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'bk-convert-'));
  cli = join(dir, 'bk-convert.mjs');
  // Bundled from source (the SDK included), so the test needs no prior build.
  await build({
    entryPoints: [join(here, 'bk-convert.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile: cli,
    alias: { '@brightkitchen/sdk': join(here, '../../../sdk/src/index.ts') },
    logLevel: 'silent',
  });
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const run = (args: string[], input?: string | Buffer) =>
  spawnSync(process.execPath, [cli, ...args], { input, encoding: 'utf8', timeout: 20_000 });

describe('bk-convert', () => {
  it('prints one JSON line per event for a fixture file, exit 0', () => {
    const out = run(['--vendor', 'tasmota', '--topic', 'tele/cold_room/SENSOR', join(fixtures, 'tasmota-sensor.json')]);
    expect(out.status).toBe(0);
    const lines = out.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines).toEqual([
      {
        type: 'reading',
        time: '2024-05-01T12:35:00+08:00',
        deviceId: 'cold_room',
        channel: '00000566CC39',
        metric: 'temperature',
        value: 3.4,
        unit: '°C',
      },
      {
        type: 'reading',
        time: '2024-05-01T12:35:00+08:00',
        deviceId: 'cold_room',
        channel: '0000059352D4',
        metric: 'temperature',
        value: -18.6,
        unit: '°C',
      },
    ]);
  });

  it('reads stdin, GB2312 bytes included', () => {
    const out = run(['--vendor', 'gb28181'], readFileSync(join(fixtures, 'gb28181-alarm.xml')));
    expect(out.status).toBe(0);
    expect(JSON.parse(out.stdout)).toMatchObject({
      type: 'alarm',
      code: 'gb28181.video.intrusion',
      description: '后厨热菜间区域入侵',
    });
  });

  it('prints the typed rejection as JSON with exit 2 for garbage', () => {
    const out = run(['--vendor', 'hikvision-isapi'], '<EventNotificationAlert><eventType>VMD');
    expect(out.status).toBe(2);
    expect(JSON.parse(out.stdout)).toMatchObject({
      code: 'ADAPTER_MALFORMED_XML',
      message: { zh: '消息不是有效的 XML' },
    });
    const json = run(['--vendor', 'zigbee2mqtt', '--topic', 'zigbee2mqtt/fridge'], Buffer.from([0x7b, 0xff, 0xfe]));
    expect(json.status).toBe(2);
    expect(JSON.parse(json.stdout).code).toBe('ADAPTER_BAD_ENCODING');
  });

  it('reads a recorded alertStream with a binary JPEG part: its events, the image noted by id, type and size', () => {
    const out = run(['--vendor', 'hikvision-isapi', join(fixtures, 'hikvision-alertstream-jpeg.bin')]);
    expect(out.stderr).toBe('');
    expect(out.status).toBe(0);
    const lines = out.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines).toEqual([
      expect.objectContaining({ type: 'alarm', code: 'hikvision.linedetection', snapshotRef: 'cid:image_1' }),
      {
        attachment: {
          id: 'image_1',
          contentType: 'image/jpeg',
          bytes: readFileSync(join(fixtures, 'snapshot.jpg')).length,
        },
      },
      expect.objectContaining({ type: 'availability', online: true }),
    ]);
  });

  it('prints what a recording cut short held, then the typed rejection, exit 2', () => {
    const recording = readFileSync(join(fixtures, 'hikvision-alertstream-jpeg.bin'));
    const out = run(['--vendor=hikvision-isapi', '-'], recording.subarray(0, recording.length - 900));
    expect(out.status).toBe(2);
    const lines = out.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines).toEqual([
      expect.objectContaining({ type: 'alarm', code: 'hikvision.linedetection' }),
      expect.objectContaining({ code: 'ADAPTER_MALFORMED_MULTIPART' }),
    ]);
  });

  it('exits 1 with usage for an unknown vendor, flag or time zone, naming it and what is accepted', () => {
    const out = run(['--vendor', 'acme'], '{}');
    expect(out.status).toBe(1);
    expect(out.stderr).toContain('unknown vendor "acme" (--vendor accepts: hikvision-isapi, gb28181,');
    const flag = run(['--vendr', 'tasmota'], '{}');
    expect(flag.status).toBe(1);
    expect(flag.stderr).toMatch(
      /^unknown option --vendr \(accepted: --vendor, --topic, --content-type, --time-zone, --help\)/,
    );
    const zone = run(['--vendor', 'tasmota', '--time-zone', 'Mars/Base'], '{}');
    expect(zone.status).toBe(1);
    expect(zone.stderr).toContain('--time-zone needs an IANA time zone such as Asia/Shanghai, got "Mars/Base"');
  });

  it('prints its help with every flag, exit 0', () => {
    const out = run(['--help']);
    expect(out.status).toBe(0);
    for (const flag of ['--vendor NAME', '--topic TOPIC', '--content-type TYPE', '--time-zone ZONE', '--help']) {
      expect(out.stdout).toContain(flag);
    }
  });
});
