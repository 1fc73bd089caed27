/**
 * The simulated kitchen as a pure model: given a scenario, a seed and the simulated time, which
 * vendor messages its devices send. No sockets here (the simulator publishes them), so the same seed
 * gives the same traffic, and tests can read it without a broker.
 */
import { DEFAULT_KITCHEN, type KitchenDeviceName, type KitchenDeviceSpec } from './devices.js';
import { localClock } from './local-time.js';
import {
  frigateEvent,
  frigateHatClassification,
  hikvisionAiopPush,
  shellyHt,
  tasmotaDs18b20,
  tasmotaEnergy,
  tasmotaState,
  z2mState,
} from './payloads.js';
import { type SeededRandom, seededRandom } from './random.js';
import { FAULT_AFTER_MIN, type ScenarioName, SILENT_AFTER_MIN } from './scenarios.js';
import { TasmotaPlug } from './tasmota-plug.js';

export type SimMessage =
  | {
      readonly transport: 'mqtt';
      readonly device: KitchenDeviceName;
      /** Simulated epoch ms. */
      readonly at: number;
      readonly topic: string;
      readonly payload: string;
      readonly retain?: boolean;
    }
  | {
      readonly transport: 'isapi';
      readonly device: KitchenDeviceName;
      readonly at: number;
      readonly contentType: string;
      readonly body: Uint8Array;
    };

export interface KitchenModelOptions {
  readonly scenario?: ScenarioName;
  readonly seed?: number;
  /** Simulated epoch ms of the start. */
  readonly startAt: number;
  /** The kitchen's UTC offset in minutes; default 480 (China). */
  readonly utcOffsetMinutes?: number;
  readonly devices?: Partial<Record<KitchenDeviceName, Partial<KitchenDeviceSpec>>>;
  /** Sensor report period; default 60 s. */
  readonly telePeriodMs?: number;
  /** How often someone walks past a camera; default 5 min. */
  readonly cameraPeriodMs?: number;
  /** Preload the UV lamp with a 30-minute run starting 3 minutes in (the server may replace it); default true. */
  readonly uvPreset?: boolean;
}

const MIN = 60_000;
/** Where the air of a fridge left open settles (a warm kitchen), and how fast it gets there (time constant). */
const DOOR_OPEN_C = 13;
const DOOR_WARMING_MIN = 1;

export class KitchenModel {
  private current: ScenarioName;
  /** When the current scenario began (its faults start FAULT_AFTER_MIN later). */
  private scenarioSince: number;
  readonly devices: Readonly<Record<KitchenDeviceName, KitchenDeviceSpec>>;
  readonly uv: TasmotaPlug;
  private readonly random: SeededRandom;
  private readonly offset: number;
  private readonly tele: number;
  private readonly cameraEvery: number;
  private readonly startAt: number;
  private clock: number;
  private nextTele: number;
  private nextCamera: number;
  private energyKwh = 12.5;
  private todayKwh = 0;

  constructor(options: KitchenModelOptions) {
    this.current = options.scenario ?? 'normal';
    this.scenarioSince = options.startAt;
    this.random = seededRandom(options.seed ?? 1);
    this.offset = options.utcOffsetMinutes ?? 480;
    this.tele = options.telePeriodMs ?? MIN;
    this.cameraEvery = options.cameraPeriodMs ?? 5 * MIN;
    this.startAt = options.startAt;
    this.clock = options.startAt;
    this.nextTele = options.startAt + this.tele;
    this.nextCamera = options.startAt + this.cameraEvery;
    const devices = { ...DEFAULT_KITCHEN };
    for (const [name, spec] of Object.entries(options.devices ?? {}) as [
      KitchenDeviceName,
      Partial<KitchenDeviceSpec>,
    ][]) {
      devices[name] = { ...devices[name], ...spec };
    }
    this.devices = devices;
    this.uv = new TasmotaPlug(devices.uvLamp.key);
    if (options.uvPreset !== false) {
      const start = localClock(options.startAt + 3 * MIN, this.offset).minutes;
      const hhmm = (m: number) =>
        `${String(Math.floor((m % 1440) / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
      this.uv.command(
        'Timer1',
        JSON.stringify({ Enable: 1, Time: hhmm(start), Days: '1111111', Repeat: 1, Action: 1 }),
      );
      this.uv.command(
        'Timer2',
        JSON.stringify({ Enable: 1, Time: hhmm(start + 30), Days: '1111111', Repeat: 1, Action: 0 }),
      );
    }
    this.uv.tick(options.startAt, this.offset);
  }

  get scenario(): ScenarioName {
    return this.current;
  }

  /**
   * Switches scenario from the simulated time reached so far (an incident begins, or ends with
   * `normal`): its faults start FAULT_AFTER_MIN later, as at a start. Same scenario: no change.
   */
  setScenario(scenario: ScenarioName): void {
    if (scenario === this.current) return;
    this.current = scenario;
    this.scenarioSince = this.clock;
  }

  /** The simulated time reached so far. */
  get now(): number {
    return this.clock;
  }

  /** What devices send on connecting: retained availability, LWT `Online`, Shelly's full status, first readings. */
  birth(): SimMessage[] {
    const at = this.startAt;
    const d = this.devices;
    const out: SimMessage[] = [];
    for (const name of ['fridge1', 'fridge2', 'sampleFridge'] as const) {
      out.push(this.mqtt(name, at, `zigbee2mqtt/${d[name].key}/availability`, '{"state":"online"}', true));
    }
    out.push(this.mqtt('freezer', at, `tele/${d.freezer.key}/LWT`, 'Online', true));
    out.push(this.mqtt('uvLamp', at, `tele/${d.uvLamp.key}/LWT`, 'Online', true));
    out.push(this.mqtt('frigateCamera', at, `${d.frigateCamera.key}/available`, 'online', true));
    out.push(this.mqtt('specialRoom', at, `${d.specialRoom.key}/online`, 'true', true));
    out.push(
      this.mqtt(
        'specialRoom',
        at,
        `${d.specialRoom.key}/events/rpc`,
        shellyHt(d.specialRoom.key, at, 'NotifyFullStatus', this.specialRoom(at)),
      ),
    );
    out.push(...this.readings(at));
    return out;
  }

  /** Everything sent after the last call, up to and including `to` (simulated epoch ms). */
  advance(to: number): SimMessage[] {
    const out: SimMessage[] = [];
    while (Math.min(this.nextTele, this.nextCamera) <= to) {
      if (this.nextCamera <= this.nextTele) {
        out.push(...this.cameras(this.nextCamera));
        this.nextCamera += this.cameraEvery;
      } else {
        out.push(...this.readings(this.nextTele));
        this.nextTele += this.tele;
      }
    }
    this.clock = Math.max(this.clock, to);
    return out;
  }

  /** A command the platform published to a device (`cmnd/<uv lamp>/…`); the plug's replies. */
  command(topic: string, payload: string): SimMessage[] {
    const match = /^cmnd\/([^/]+)\/([^/]+)$/.exec(topic);
    if (!match || match[1] !== this.devices.uvLamp.key) return [];
    const before = this.uv.on;
    const replies = this.uv.command(match[2]!, payload).map((r) => this.mqtt('uvLamp', this.clock, r.topic, r.payload));
    if (before !== this.uv.on) replies.push(...this.uvTelemetry(this.clock));
    return replies;
  }

  private minutesIn(at: number): number {
    return (at - this.startAt) / MIN;
  }

  /** Minutes since the current scenario began. */
  private scenarioMinutes(at: number): number {
    return (at - this.scenarioSince) / MIN;
  }

  private faulty(scenario: ScenarioName, at: number): boolean {
    return this.scenario === scenario && this.scenarioMinutes(at) >= FAULT_AFTER_MIN;
  }

  private wave(at: number, periodMin: number, amplitude: number): number {
    return amplitude * Math.sin((2 * Math.PI * this.minutesIn(at)) / periodMin);
  }

  /**
   * A fridge's air temperature. An open door lets kitchen air in at once: the sensor passes 8 ℃ within the first
   * minute and settles near DOOR_OPEN_C (a door has no slow start, unlike a failing compressor).
   */
  private fridge(at: number, base: number, doorOpen: boolean) {
    let temperature = base + this.wave(at, 20, 0.6) + this.random.jitter(0.1);
    if (doorOpen) {
      const minutesOpen = Math.max(0, this.scenarioMinutes(at));
      temperature = base + (DOOR_OPEN_C - base) * (1 - Math.exp(-minutesOpen / DOOR_WARMING_MIN));
    }
    return {
      temperature,
      humidity: 68 + this.random.jitter(3),
      battery: 91,
      linkquality: 80 + Math.round(this.random.jitter(10)),
    };
  }

  private specialRoom(at: number) {
    return {
      temperature: 21 + this.wave(at, 60, 1) + this.random.jitter(0.2),
      humidity: 58 + this.random.jitter(2),
      battery: 84,
    };
  }

  private readings(at: number): SimMessage[] {
    const d = this.devices;
    const out: SimMessage[] = [];
    const f1 = this.fridge(at, 3.5, this.scenario === 'fridge_door_open');
    out.push(this.mqtt('fridge1', at, `zigbee2mqtt/${d.fridge1.key}`, z2mState(f1)));
    const f2 = this.fridge(at, 4, false);
    const silent = this.scenario === 'sensor_silent' && this.scenarioMinutes(at) >= SILENT_AFTER_MIN;
    if (!silent) out.push(this.mqtt('fridge2', at, `zigbee2mqtt/${d.fridge2.key}`, z2mState(f2)));
    const sample = this.fridge(at, 4.2, false);
    out.push(this.mqtt('sampleFridge', at, `zigbee2mqtt/${d.sampleFridge.key}`, z2mState(sample)));
    let freezer = -19 + this.wave(at, 30, 0.8) + this.random.jitter(0.2);
    if (this.faulty('freezer_failing', at))
      freezer = Math.min(-19 + 0.5 * (this.scenarioMinutes(at) - FAULT_AFTER_MIN), -4);
    out.push(this.mqtt('freezer', at, `tele/${d.freezer.key}/SENSOR`, tasmotaDs18b20(at, this.offset, freezer, 'F')));
    out.push(
      this.mqtt(
        'specialRoom',
        at,
        `${d.specialRoom.key}/events/rpc`,
        shellyHt(d.specialRoom.key, at, 'NotifyStatus', this.specialRoom(at)),
      ),
    );
    this.uv.tick(at, this.offset);
    out.push(...this.uvTelemetry(at));
    return out;
  }

  private uvTelemetry(at: number): SimMessage[] {
    const key = this.devices.uvLamp.key;
    const dead = this.scenario === 'uv_lamp_never_ran';
    const power = this.uv.on ? (dead ? 0.2 : 38 + this.random.jitter(1)) : 0;
    const kwh = (power * (this.tele / 3_600_000)) / 1000;
    this.energyKwh += kwh;
    this.todayKwh += kwh;
    const uptime = Math.round((at - this.startAt) / 1000) + 3600;
    return [
      this.mqtt('uvLamp', at, `tele/${key}/STATE`, tasmotaState(at, this.offset, this.uv.on, uptime)),
      this.mqtt(
        'uvLamp',
        at,
        `tele/${key}/SENSOR`,
        tasmotaEnergy(at, this.offset, {
          power,
          voltage: 220 + this.random.jitter(3),
          totalKwh: this.energyKwh,
          todayKwh: this.todayKwh,
        }),
      ),
    ];
  }

  private cameras(at: number): SimMessage[] {
    const d = this.devices;
    const prefix = d.frigateCamera.key;
    const withoutHat = this.scenario === 'staff_without_hat';
    const nowS = at / 1000;
    const person = {
      id: `${nowS.toFixed(6)}-${this.random.id()}`,
      camera: 'kitchen_hotline',
      startS: nowS,
      score: 0.9,
    };
    const out: SimMessage[] = [
      this.mqtt('frigateCamera', at, `${prefix}/events`, frigateEvent('new', person, nowS)),
      this.mqtt(
        'frigateCamera',
        at,
        `${prefix}/tracked_object_update`,
        frigateHatClassification(person, nowS + 1, withoutHat ? 'no' : 'yes', 0.88 + this.random.jitter(0.05)),
      ),
      this.mqtt('frigateCamera', at, `${prefix}/events`, frigateEvent('end', person, nowS + 20)),
    ];
    if (withoutHat) {
      const push = hikvisionAiopPush(d.hikvisionCamera.key, at, this.offset, 0.9 + this.random.jitter(0.05));
      out.push({ transport: 'isapi', device: 'hikvisionCamera', at, ...push });
    }
    return out;
  }

  private mqtt(device: KitchenDeviceName, at: number, topic: string, payload: string, retain?: boolean): SimMessage {
    return retain
      ? { transport: 'mqtt', device, at, topic, payload, retain }
      : { transport: 'mqtt', device, at, topic, payload };
  }
}
