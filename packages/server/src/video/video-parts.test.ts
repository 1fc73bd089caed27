/** The live kitchen's pure parts: signed play tokens, the hours, and recordings read from segment names. */
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../errors/index.js';
import { liveExpiry, PlayTokens } from './play-token.js';
import { purgeHoursBefore, segmentsBetween, vodPlaylist } from './recordings.js';
import { withinHours } from './show-hours.js';

const codeOf = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return error instanceof AppError ? error.code : String(error);
  }
  return 'accepted';
};

describe('play tokens', () => {
  const tokens = new PlayTokens('a-secret-of-the-platform-0123456789');

  it('round-trips live and recording grants, and another secret cannot forge one', () => {
    const live = tokens.sign({ kind: 'live', channelId: 'cam_1', expires: 1_800_000_000 });
    expect(tokens.verify(live)).toEqual({ kind: 'live', channelId: 'cam_1', expires: 1_800_000_000 });
    const rec = tokens.sign({ kind: 'recording', channelId: 'cam_1', from: 10, to: 20, expires: 30 });
    expect(tokens.verify(rec)).toEqual({ kind: 'recording', channelId: 'cam_1', from: 10, to: 20, expires: 30 });
    const forged = new PlayTokens('another-secret-0123456789abcdef').sign({
      kind: 'live',
      channelId: 'cam_1',
      expires: 1,
    });
    expect(codeOf(() => tokens.verify(forged))).toBe('LIVE_URL_INVALID');
  });

  it('refuses any change to a signed token: channel, time, kind, or garbage', () => {
    const live = tokens.sign({ kind: 'live', channelId: 'cam_1', expires: 1_800_000_000 });
    for (const bad of [
      live.replace('cam_1', 'cam_2'),
      live.replace('1800000000', '1800000060'),
      live.replace(/^l\./, 'r.'),
      'l.cam_1.1800000000',
      '../../etc/passwd',
      '',
    ]) {
      expect(codeOf(() => tokens.verify(bad))).toBe('LIVE_URL_INVALID');
    }
  });

  it('rounds a live expiry up to the minute, so a minute of scans shares one URL', () => {
    expect(liveExpiry(1_000_000, 300)).toBe(1320);
    expect(liveExpiry(1_059_000, 300)).toBe(1380);
  });
});

describe('show hours in the venue zone', () => {
  const at = (iso: string) => new Date(iso);
  it('reads the window on the venue clock, with windows past midnight', () => {
    // 12:30 in Shanghai is 04:30 UTC.
    expect(withinHours([{ from: '10:30', to: '13:30' }], at('2026-12-05T04:30:00Z'), 'Asia/Shanghai')).toBe(true);
    expect(withinHours([{ from: '10:30', to: '13:30' }], at('2026-12-05T04:30:00Z'), 'UTC')).toBe(false);
    expect(withinHours([{ from: '22:00', to: '02:00' }], at('2026-12-05T17:00:00Z'), 'Asia/Shanghai')).toBe(true);
    expect(withinHours([{ from: '22:00', to: '02:00' }], at('2026-12-05T19:00:00Z'), 'Asia/Shanghai')).toBe(false);
    expect(withinHours([{ from: '00:00', to: '24:00' }], at('2026-12-05T15:59:00Z'), 'Asia/Shanghai')).toBe(true);
  });
});

describe('recordings from segment names', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bk-recordings-'));
  const write = (start: number, index: number, micros: number) => {
    const hour = new Date(start * 1000).toISOString().slice(0, 13).replace(/[-T]/g, '');
    mkdirSync(join(dir, hour), { recursive: true });
    writeFileSync(join(dir, hour, `${start}_${String(index).padStart(6, '0')}_${micros}.ts`), 'x');
  };
  // 2026-12-05T08:59:58Z: two seconds before an hour's end, then on across it, a gap, and one being written.
  const t = 1_796_461_198;
  write(t, 0, 1_000_000);
  write(t + 1, 1, 1_000_000);
  write(t + 2, 2, 1_000_000);
  write(t + 20, 0, 1_000_000);
  write(t + 21, 1, 0);

  it('finds the segments overlapping a range across hour folders, in order, not the one being written', () => {
    const found = segmentsBetween(dir, t + 1, t + 30);
    expect(found.map((s) => s.start)).toEqual([t + 1, t + 2, t + 20]);
    expect(found[1]?.path.startsWith('2026120509/')).toBe(true);
  });

  it('makes a VOD playlist that marks the gap where the camera was away', () => {
    const playlist = vodPlaylist(segmentsBetween(dir, t, t + 30));
    expect(playlist).toContain('#EXT-X-PLAYLIST-TYPE:VOD');
    expect(playlist.split('#EXT-X-DISCONTINUITY').length).toBe(2);
    expect(playlist.trim().endsWith('#EXT-X-ENDLIST')).toBe(true);
  });

  it('purges only the hours that ended before the cutoff', () => {
    expect(purgeHoursBefore(dir, t + 1)).toBe(0);
    expect(purgeHoursBefore(dir, t + 3600)).toBe(1);
    expect(readdirSync(dir)).toEqual(['2026120509']);
  });
});
