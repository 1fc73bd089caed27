/**
 * The ffmpeg command lines of the live kitchen. ffmpeg does all the media work; these only say what to read and
 * where to write. A pulled channel is copied, never re-encoded (a camera's H.264 goes to HLS as it is), and its
 * sound is dropped: kitchens are shown, not listened to.
 */
/**
 * Segment files: `{UTC hour YYYYMMDDHH}/{epoch second written}_{index}_{duration µs}.ts` (ffmpeg runs with TZ=UTC),
 * so a recording's playlist is built from names alone (the index orders segments written in the same second, as
 * at start), a playback lists an hour's folder or two, and the purge drops whole hours.
 */
export const HOUR_DIR = /^\d{10}$/;
export const SEGMENT_NAME = /^(\d{9,11})_(\d{6})_(\d{1,9})\.ts$/;
export const LIVE_PLAYLIST = 'live.m3u8';
export const SNAPSHOT = 'snapshot.jpg';

/** The first frame of a segment as a JPEG on stdout: the still shown outside the hours. */
export function snapshotArgs(segmentPath: string): string[] {
  return [
    '-hide_banner',
    '-loglevel',
    'error',
    '-nostdin',
    '-i',
    segmentPath,
    '-frames:v',
    '1',
    '-q:v',
    '5',
    '-f',
    'image2',
    '-c:v',
    'mjpeg',
    'pipe:1',
  ];
}
/** Seconds per HLS segment asked of ffmpeg (a copied stream cuts at the camera's key frames). */
export const SEGMENT_SECONDS = 1;

export interface PullOptions {
  /** rtsp(s):// or http(s):// — checked by the contract and by `checkSourceHost` before it gets here. */
  readonly url: string;
  /** Keep segments (recording) or let ffmpeg delete those that left the live playlist. */
  readonly record: boolean;
}

const PROTOCOLS = {
  rtsp: 'rtsp,rtsps,tcp,udp,rtp,tls',
  http: 'http,https,tcp,tls,crypto',
} as const;

/**
 * Reads the source and writes live HLS into the working folder (ffmpeg runs in the channel's folder, so the
 * playlist names its segments relative to itself: `{hour}/{segment}.ts`).
 */
export function pullArgs({ url, record }: PullOptions): string[] {
  const rtsp = /^rtsps?:/i.test(url);
  const flags = ['second_level_segment_duration', 'second_level_segment_index', 'independent_segments'];
  if (!record) flags.push('delete_segments');
  return [
    '-hide_banner',
    '-loglevel',
    'error',
    '-nostdin',
    // Only network protocols: an HTTP playlist naming file:// or a local device is refused by ffmpeg itself.
    '-protocol_whitelist',
    rtsp ? PROTOCOLS.rtsp : PROTOCOLS.http,
    ...(rtsp ? ['-rtsp_transport', 'tcp', '-timeout', '5000000'] : ['-rw_timeout', '5000000']),
    // A camera sends a key frame every second or two: half a second of probing finds the stream's shape, and the
    // first segment is out about a second after the pull starts.
    '-analyzeduration',
    '500000',
    '-probesize',
    '500000',
    '-i',
    url,
    '-map',
    '0:v:0',
    '-c:v',
    'copy',
    '-an',
    '-f',
    'hls',
    '-hls_time',
    String(SEGMENT_SECONDS),
    '-hls_list_size',
    '6',
    '-strftime',
    '1',
    '-strftime_mkdir',
    '1',
    '-hls_flags',
    flags.join('+'),
    '-hls_segment_filename',
    '%Y%m%d%H/%s_%%06d_%%t.ts',
    LIVE_PLAYLIST,
  ];
}

export interface TestPatternOptions {
  /** Drawn on the picture with the clock, e.g. the venue's name. */
  readonly label: string;
  /** The clock's zone (the venue's). */
  readonly timeZone: string;
  readonly width?: number;
  readonly height?: number;
  readonly fps?: number;
}

const FONT = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';

/** A simulated camera: ffmpeg's test source with a label and the local clock, as H.264 in MPEG-TS on stdout. */
export function testPatternArgs({ label, width = 640, height = 360, fps = 15 }: TestPatternOptions): string[] {
  const text = label.replace(/[\\':%]/g, ' ');
  const clock = '%{localtime\\:%Y-%m-%d %H\\\\\\:%M\\\\\\:%S}';
  const draw = [
    `drawtext=fontfile=${FONT}:text='${text}':fontsize=26:fontcolor=white:box=1:boxcolor=black@0.55:boxborderw=8:x=w-tw-16:y=16`,
    `drawtext=fontfile=${FONT}:text='${clock}':fontsize=22:fontcolor=white:box=1:boxcolor=black@0.55:boxborderw=8:x=w-tw-16:y=56`,
  ].join(',');
  return [
    '-hide_banner',
    '-loglevel',
    'error',
    '-nostdin',
    '-re',
    '-f',
    'lavfi',
    '-i',
    `testsrc2=size=${width}x${height}:rate=${fps}`,
    '-vf',
    draw,
    '-c:v',
    'libx264',
    '-preset',
    'ultrafast',
    '-tune',
    'zerolatency',
    '-pix_fmt',
    'yuv420p',
    '-g',
    String(fps),
    '-keyint_min',
    String(fps),
    '-sc_threshold',
    '0',
    '-f',
    'mpegts',
    'pipe:1',
  ];
}
