/**
 * Tasmota topics: FullTopic `%prefix%/%topic%/` by default (`tele/uv_lamp_1/SENSOR`), also the swapped
 * `%topic%/%prefix%/`. Returns the prefix, the device topic and the command/telemetry name.
 */
export interface TasmotaTopic {
  readonly prefix: 'tele' | 'stat' | 'cmnd';
  readonly device: string;
  readonly name: string;
}

export function parseTasmotaTopic(topic: string): TasmotaTopic | undefined {
  const levels = topic.split('/');
  if (levels.length < 3) return undefined;
  const at = levels.findIndex((l) => l === 'tele' || l === 'stat' || l === 'cmnd');
  if (at === -1 || at === levels.length - 1) return undefined;
  const name = levels[levels.length - 1]!;
  const device = levels.filter((_, i) => i !== at && i !== levels.length - 1).join('/');
  if (device === '' || name === '') return undefined;
  return { prefix: levels[at] as TasmotaTopic['prefix'], device, name };
}
