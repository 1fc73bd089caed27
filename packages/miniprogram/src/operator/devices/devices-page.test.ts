// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { createElement } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type ShimRequest, shim } from '../../testing/taro-shim';

vi.mock('@tarojs/taro', () => import('../../testing/taro-shim'));
vi.mock('@tarojs/components', () => import('../../testing/taro-components'));
vi.mock('@brightkitchen/sdk', () => import('../../../../sdk/src/index'));
vi.mock('@brightkitchen/sdk/taro', () => import('../../../../sdk/src/taro/index'));
vi.mock('./devices.css', () => ({}));

const { default: DevicesPage } = await import('./index');
const { operatorClient } = await import('../client');

const session = { accessToken: 'a1', refreshToken: 'r1', expiresAt: Date.now() + 3_600_000, user: { id: 'u1' } };
const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000).toISOString();

const fridge = {
  device: {
    id: 'dev_fridge',
    venueId: 'v1',
    kind: 'sensor',
    vendor: 'zigbee2mqtt',
    locationKind: 'fridge',
    name: '1 号冷藏柜',
    binding: {},
  },
  status: {
    online: true,
    lastSeenAt: minutesAgo(2),
    readings: {
      temperature: { value: 3.64, unit: '°C', time: minutesAgo(2) },
      humidity: { value: 61, unit: '%', time: minutesAgo(2) },
      linkquality: { value: 120, unit: 'lqi', time: minutesAgo(2) },
    },
  },
};
const lamp = {
  device: {
    id: 'dev_uv',
    venueId: 'v1',
    kind: 'switch',
    vendor: 'tasmota',
    locationKind: 'uv_lamp',
    name: '备餐间紫外线灯',
    binding: {},
  },
  status: { online: false, lastSeenAt: minutesAgo(180), readings: { switch: { value: 0, unit: '', time: '' } } },
  schedule: { runs: [{ time: '22:30', durationMin: 30 }], updatedAt: minutesAgo(600) },
};

const json = (statusCode: number, data: unknown) => ({ statusCode, data });

beforeEach(() => {
  shim.reset();
  shim.storage.set('bk-operator:venue', JSON.stringify({ id: 'v1', name: '第一中学食堂', timeZone: 'Asia/Shanghai' }));
  shim.storage.set('bk-operator:session', JSON.stringify(session));
});
afterEach(cleanup);

describe('devices page', () => {
  it('says so when the venue has no devices', async () => {
    shim.answer = (req) =>
      req.url.endsWith('/v1/venues/v1/devices') ? json(200, { items: [], nextCursor: null }) : 'offline';
    render(createElement(DevicesPage));
    await screen.findByText(/本单位尚未接入设备/);
    expect(shim.requests.map((r) => `${r.method} ${new URL(r.url).pathname}`)).toEqual(['GET /v1/venues/v1/devices']);
    expect(shim.requests[0]?.header.authorization).toBe('Bearer a1');
  });

  it('shows presence, last readings with units and the UV lamp schedule; a changed schedule is checked, sent and shown', async () => {
    let saved: unknown = null;
    let runs: unknown[] = lamp.schedule.runs;
    shim.answer = (req: ShimRequest) => {
      const path = new URL(req.url).pathname;
      if (path === '/v1/venues/v1/devices') return json(200, { items: [fridge.device, lamp.device] });
      if (path === '/v1/devices/dev_fridge') return json(200, fridge);
      if (path === '/v1/devices/dev_uv') return json(200, { ...lamp, schedule: { runs, updatedAt: minutesAgo(1) } });
      if (path === '/v1/devices/dev_uv/schedule' && req.method === 'POST') {
        saved = JSON.parse(req.data ?? '{}');
        runs = (saved as { runs: unknown[] }).runs;
        return json(200, { deviceId: 'dev_uv', runs, updatedAt: minutesAgo(0) });
      }
      return json(404, { code: 'NOT_FOUND', message: { zh: '未找到', en: 'not found' } });
    };
    render(createElement(DevicesPage));
    await screen.findByText('共 2 台设备，1 台在线');

    const fridgeCard = within(document.querySelector('[data-device-id="dev_fridge"]') as HTMLElement);
    expect(fridgeCard.getByText('在线')).toBeTruthy();
    expect(fridgeCard.getByText('冷藏柜 · 2 分钟前上报')).toBeTruthy();
    expect(fridgeCard.getByText('3.6 ℃')).toBeTruthy();
    expect(fridgeCard.getByText('61%')).toBeTruthy();
    expect(fridgeCard.queryByText(/lqi/)).toBeNull();
    expect(fridgeCard.queryByText('修改定时')).toBeNull();

    const lampCard = within(document.querySelector('[data-device-id="dev_uv"]') as HTMLElement);
    expect(lampCard.getByText('离线')).toBeTruthy();
    expect(lampCard.getByText('紫外线灯 · 3 小时前上报')).toBeTruthy();
    expect(lampCard.getByText('关')).toBeTruthy();
    expect(lampCard.getByText('每天 22:30 开启 30 分钟')).toBeTruthy();

    fireEvent.click(lampCard.getByText('修改定时'));
    const duration = lampCard.getByLabelText('第 1 段时长（分钟）');
    fireEvent.change(duration, { target: { value: '0' } });
    fireEvent.click(lampCard.getByText('添加时段'));
    fireEvent.click(lampCard.getByText('保存定时'));
    expect(lampCard.getByRole('alert').textContent).toBe('时长请填写 1–1440 之间的整数（分钟）');
    expect(lampCard.getByRole('alert').getAttribute('data-field')).toBe('runs.0.durationMin');
    expect(saved).toBeNull();

    fireEvent.change(duration, { target: { value: '45' } });
    expect(lampCard.queryByRole('alert')).toBeNull();
    // The second run: weekdays only, at 06:00.
    const second = within(document.querySelector('[data-device-id="dev_uv"] [data-run="1"]') as HTMLElement);
    fireEvent.change(second.getByDisplayValue('22:00'), { target: { value: '06:00' } });
    fireEvent.click(second.getByText('六'));
    fireEvent.click(second.getByText('日'));
    fireEvent.click(lampCard.getByText('保存定时'));

    await lampCard.findByText('定时已下发到设备');
    expect(saved).toEqual({
      runs: [
        { time: '22:30', durationMin: 45 },
        { time: '06:00', durationMin: 30, days: [1, 2, 3, 4, 5] },
      ],
    });
    await waitFor(() => expect(lampCard.getByText('工作日 06:00 开启 30 分钟')).toBeTruthy());
    expect(lampCard.getByText('每天 22:30 开启 45 分钟')).toBeTruthy();
  });

  it('explains a refusal of the device and keeps the draft; offline says so with a retry', async () => {
    shim.answer = (req: ShimRequest) => {
      const path = new URL(req.url).pathname;
      if (path === '/v1/venues/v1/devices') return json(200, { items: [lamp.device] });
      if (path === '/v1/devices/dev_uv') return json(200, lamp);
      return json(503, { code: 'DEVICES_UNAVAILABLE', message: { zh: '设备服务暂不可用', en: 'devices unavailable' } });
    };
    render(createElement(DevicesPage));
    fireEvent.click(await screen.findByText('修改定时'));
    fireEvent.click(screen.getByText('保存定时'));
    await screen.findByText('服务暂时不可用，请稍后重试');
    expect(screen.getByText('保存定时')).toBeTruthy();

    cleanup();
    shim.answer = () => 'offline';
    render(createElement(DevicesPage));
    await screen.findByText('网络不可用，请检查网络后重试');
    shim.answer = (req: ShimRequest) =>
      new URL(req.url).pathname === '/v1/venues/v1/devices' ? json(200, { items: [] }) : 'offline';
    fireEvent.click(screen.getByText('重试'));
    await screen.findByText(/本单位尚未接入设备/);
  });

  it('lets the manager remove a device after confirming, and the staff not at all', async () => {
    let removed = false;
    shim.answer = (req: ShimRequest) => {
      const path = new URL(req.url).pathname;
      if (path === '/v1/venues/v1/devices')
        return json(200, { items: removed ? [lamp.device] : [fridge.device, lamp.device] });
      if (path === '/v1/devices/dev_fridge' && req.method === 'DELETE') {
        removed = true;
        return json(200, { ...fridge.device, removedAt: minutesAgo(0) });
      }
      if (path === '/v1/devices/dev_fridge') return json(200, fridge);
      if (path === '/v1/devices/dev_uv') return json(200, lamp);
      return json(404, { code: 'NOT_FOUND', message: { zh: '未找到', en: 'not found' } });
    };
    render(createElement(DevicesPage));
    await screen.findByText('共 2 台设备，1 台在线');
    expect(screen.queryByText('移除设备')).toBeNull();

    cleanup();
    // The manager signs in (the client keeps its session in memory).
    const answer = shim.answer;
    shim.answer = (req: ShimRequest) =>
      new URL(req.url).pathname === '/v1/auth/login'
        ? json(200, { ...session, user: { id: 'u1', role: 'operator_manager' }, expiresIn: 900 })
        : answer(req);
    await operatorClient().auth.login('manager', 'a-long-password');
    render(createElement(DevicesPage));
    await screen.findByText('共 2 台设备，1 台在线');
    const fridgeCard = within(document.querySelector('[data-device-id="dev_fridge"]') as HTMLElement);
    await fridgeCard.findByText('移除设备');
    fireEvent.click(fridgeCard.getByText('移除设备'));
    expect(fridgeCard.getByText(/接入账号立即失效/)).toBeTruthy();
    fireEvent.click(fridgeCard.getByText('取消'));
    expect(removed).toBe(false);
    fireEvent.click(fridgeCard.getByText('移除设备'));
    fireEvent.click(fridgeCard.getByText('确认移除'));
    await screen.findByText('共 1 台设备，0 台在线');
    expect(removed).toBe(true);
    expect(document.querySelector('[data-device-id="dev_fridge"]')).toBeNull();
  });
});
