/**
 * The simulated kitchen: which devices it has, their vendor, location kind and default binding key
 * (the Zigbee2MQTT friendly name, the Tasmota topic, the Shelly prefix, the Frigate camera…).
 */
import type { LocationKind } from '@brightkitchen/sdk';

export const KITCHEN_DEVICES = [
  'fridge1',
  'fridge2',
  'freezer',
  'specialRoom',
  'sampleFridge',
  'uvLamp',
  'frigateCamera',
  'hikvisionCamera',
] as const;
export type KitchenDeviceName = (typeof KITCHEN_DEVICES)[number];

export interface KitchenDeviceSpec {
  readonly vendor: 'zigbee2mqtt' | 'tasmota' | 'shelly' | 'frigate' | 'hikvision-isapi';
  readonly kind: 'sensor' | 'switch' | 'camera';
  readonly locationKind: LocationKind;
  /** The binding key: topic name, prefix or camera; for Hikvision, its MAC address. */
  readonly key: string;
  readonly name: { readonly zh: string; readonly en: string };
}

export const DEFAULT_KITCHEN: Readonly<Record<KitchenDeviceName, KitchenDeviceSpec>> = {
  fridge1: {
    vendor: 'zigbee2mqtt',
    kind: 'sensor',
    locationKind: 'fridge',
    key: 'fridge_1',
    name: { zh: '冷藏柜一', en: 'Fridge 1' },
  },
  fridge2: {
    vendor: 'zigbee2mqtt',
    kind: 'sensor',
    locationKind: 'fridge',
    key: 'fridge_2',
    name: { zh: '冷藏柜二', en: 'Fridge 2' },
  },
  freezer: {
    vendor: 'tasmota',
    kind: 'sensor',
    locationKind: 'freezer',
    key: 'freezer_1',
    name: { zh: '冷冻柜', en: 'Freezer' },
  },
  specialRoom: {
    vendor: 'shelly',
    kind: 'sensor',
    locationKind: 'special_room',
    key: 'shellyhtg3-84fce63ad204',
    name: { zh: '凉菜专间', en: 'Cold-dish room' },
  },
  sampleFridge: {
    vendor: 'zigbee2mqtt',
    kind: 'sensor',
    locationKind: 'sample_fridge',
    key: 'sample_fridge',
    name: { zh: '留样冰箱', en: 'Sample fridge' },
  },
  uvLamp: {
    vendor: 'tasmota',
    kind: 'switch',
    locationKind: 'uv_lamp',
    key: 'uv_lamp_1',
    name: { zh: '紫外线灯', en: 'UV lamp' },
  },
  frigateCamera: {
    vendor: 'frigate',
    kind: 'camera',
    locationKind: 'camera',
    key: 'frigate',
    name: { zh: '热菜区摄像机', en: 'Hot-line camera' },
  },
  hikvisionCamera: {
    vendor: 'hikvision-isapi',
    kind: 'camera',
    locationKind: 'camera',
    key: '44:47:cc:aa:bb:cc',
    name: { zh: '切配区摄像机', en: 'Prep-area camera' },
  },
};
