/**
 * Recordings are the segments a recorded channel's ffmpeg leaves behind, one folder per UTC hour. A playback is
 * a VOD playlist of the segments that overlap the range, built from their names; the purge drops hours past the
 * region's retention.
 */
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { HOUR_DIR, SEGMENT_NAME } from './ffmpeg-args.js';

export interface Segment {
  /** `{hour}/{file}`, relative to the channel's folder (and to the playlist's URL). */
  readonly path: string;
  /** Epoch second the segment was written, and its length in seconds. */
  readonly start: number;
  readonly index: number;
  readonly seconds: number;
}

const hourOf = (epochSeconds: number) => new Date(epochSeconds * 1000).toISOString().slice(0, 13).replace(/[-T]/g, '');

function segmentsOfHour(dir: string, hour: string): Segment[] {
  let files: string[];
  try {
    files = readdirSync(join(dir, hour));
  } catch {
    return [];
  }
  const segments: Segment[] = [];
  for (const file of files) {
    const m = SEGMENT_NAME.exec(file);
    if (!m) continue;
    const seconds = Number(m[3]) / 1e6;
    // A segment being written has no duration yet.
    if (seconds > 0) segments.push({ path: `${hour}/${file}`, start: Number(m[1]), index: Number(m[2]), seconds });
  }
  return segments;
}

/** The segments overlapping [from, to) (epoch seconds), in order. */
export function segmentsBetween(dir: string, from: number, to: number): Segment[] {
  const found: Segment[] = [];
  // A segment starts up to a few seconds before its range: look one hour back from `from`'s hour.
  for (let hourStart = Math.floor(from / 3600) * 3600 - 3600; hourStart < to; hourStart += 3600) {
    for (const s of segmentsOfHour(dir, hourOf(hourStart)))
      if (s.start < to && s.start + s.seconds > from) found.push(s);
  }
  return found.sort((a, b) => a.start - b.start || a.index - b.index);
}

/** A VOD playlist of the segments; a gap of more than a few seconds (the source was down) is a discontinuity. */
export function vodPlaylist(segments: readonly Segment[]): string {
  const target = Math.max(1, ...segments.map((s) => Math.ceil(s.seconds)));
  const lines = [
    '#EXTM3U',
    '#EXT-X-VERSION:3',
    '#EXT-X-PLAYLIST-TYPE:VOD',
    `#EXT-X-TARGETDURATION:${target}`,
    '#EXT-X-MEDIA-SEQUENCE:0',
  ];
  let previousEnd: number | undefined;
  for (const s of segments) {
    if (previousEnd !== undefined && s.start - previousEnd > 3) lines.push('#EXT-X-DISCONTINUITY');
    lines.push(`#EXT-X-PROGRAM-DATE-TIME:${new Date(s.start * 1000).toISOString()}`);
    lines.push(`#EXTINF:${s.seconds.toFixed(3)},`, s.path);
    previousEnd = s.start + s.seconds;
  }
  lines.push('#EXT-X-ENDLIST', '');
  return lines.join('\n');
}

/** Removes the hours that ended before `before` (epoch seconds); answers how many folders went. */
export function purgeHoursBefore(dir: string, before: number): number {
  let hours: string[];
  try {
    hours = readdirSync(dir);
  } catch {
    return 0;
  }
  // An hour's folder holds segments written in that hour: it may go once the hour ended before the cutoff.
  const cutoff = hourOf(before);
  let removed = 0;
  for (const hour of hours) {
    if (HOUR_DIR.test(hour) && hour < cutoff) {
      rmSync(join(dir, hour), { recursive: true, force: true });
      removed += 1;
    }
  }
  return removed;
}
