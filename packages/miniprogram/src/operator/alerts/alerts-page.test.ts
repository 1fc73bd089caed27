// @vitest-environment jsdom
/**
 * The alerts page as the manager uses it: the history stays (a resolved alert with its corrective action), filters
 * by state, kind and date ask the server for what they say, the AI capture's snapshot is fetched with the token and
 * shown, a fever alert names the staff member, and times are the venue's wall clock.
 */
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { createElement } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type ShimRequest, shim } from '../../testing/taro-shim';

vi.mock('@tarojs/taro', () => import('../../testing/taro-shim'));
vi.mock('@tarojs/components', () => import('../../testing/taro-components'));
vi.mock('@brightkitchen/sdk', () => import('../../../../sdk/src/index'));
vi.mock('@brightkitchen/sdk/taro', () => import('../../../../sdk/src/taro/index'));
vi.mock('./alerts.css', () => ({}));

const { default: AlertsPage } = await import('./index');
const { clearFetchedImages } = await import('../../lib/fetched-image');

const session = {
  accessToken: 'a1',
  refreshToken: 'r1',
  expiresAt: Date.now() + 3_600_000,
  user: { id: 'u1', role: 'operator_manager' },
};
const json = (statusCode: number, data: unknown) => ({ statusCode, data });

const fever = {
  id: 'alr_fever',
  venueId: 'v1',
  source: 'ledger',
  type: 'LEDGER_MORNING_FEVER',
  severity: 'warning',
  state: 'open',
  // 05:13 in Shanghai.
  openedAt: '2024-06-14T21:13:00.000Z',
  subject: 'led_1',
  message: { zh: '体温 38.5 ℃，不低于 37.3 ℃：当日不得从事接触直接入口食品的工作', en: 'fever' },
  staff: { id: 'stf_1', name: '张三' },
};
const capture = {
  id: 'alr_hat',
  venueId: 'v1',
  source: 'violation',
  type: 'no_hat',
  severity: 'warning',
  state: 'resolved',
  openedAt: '2024-06-13T02:00:00.000Z',
  resolvedAt: '2024-06-13T02:30:00.000Z',
  correctiveAction: '已提醒佩戴厨师帽',
  message: { zh: '后厨摄像机：未戴帽', en: 'no hat' },
  snapshot: { path: '/v1/alerts/alr_hat/snapshot', contentType: 'image/png' },
};
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);

let lists: URLSearchParams[];

beforeEach(() => {
  shim.reset();
  clearFetchedImages();
  lists = [];
  shim.storage.set('bk-operator:venue', JSON.stringify({ id: 'v1', name: '第一中学食堂', timeZone: 'Asia/Shanghai' }));
  shim.storage.set('bk-operator:session', JSON.stringify(session));
  shim.answer = (req: ShimRequest) => {
    const url = new URL(req.url);
    if (url.pathname === '/v1/alerts') {
      lists.push(url.searchParams);
      const state = url.searchParams.get('state');
      const items = [fever, capture].filter(
        (a) => !state || (state === 'unresolved' ? a.state !== 'resolved' : a.state === state),
      );
      return json(200, { items, nextCursor: null });
    }
    if (url.pathname === '/v1/alerts/alr_hat/snapshot') return json(200, PNG.buffer.slice(0));
    return 'offline';
  };
});
afterEach(cleanup);

describe('alerts page', () => {
  it('keeps resolved alerts with their action, names the feverish cook, and shows times on the venue’s clock', async () => {
    render(createElement(AlertsPage));
    const card = await screen.findByText('员工：张三');
    const feverCard = card.closest('[data-alert-id]') as HTMLElement;
    expect(within(feverCard).getByText(/发生于 .*05:13/)).toBeTruthy();
    expect(within(feverCard).getByText('确认收到')).toBeTruthy();
    const resolved = document.querySelector('[data-alert-id="alr_hat"]') as HTMLElement;
    expect(within(resolved).getByText('已处理')).toBeTruthy();
    expect(within(resolved).getByText('整改措施：已提醒佩戴厨师帽')).toBeTruthy();
    expect(within(resolved).queryByText('确认收到')).toBeNull();
    expect(lists[0]?.get('state')).toBeNull();
  });

  it('fetches the AI capture’s snapshot with the token and shows it', async () => {
    render(createElement(AlertsPage));
    const image = (await screen.findByLabelText('AI 抓拍图片')) as HTMLImageElement;
    expect(image.src).toBe(`data:image/png;base64,${Buffer.from(PNG).toString('base64')}`);
    const fetched = shim.requests.find((r) => r.url.endsWith('/v1/alerts/alr_hat/snapshot'));
    expect(fetched?.header.authorization).toBe('Bearer a1');
  });

  it('asks the server for what the filters say', async () => {
    render(createElement(AlertsPage));
    await screen.findByText('员工：张三');
    fireEvent.click(screen.getByText('已处理', { selector: '[role=radio] span' }));
    await waitFor(() => expect(lists.at(-1)?.get('state')).toBe('resolved'));
    await waitFor(() => expect(screen.queryByText('员工：张三')).toBeNull());
    fireEvent.click(screen.getByText('AI 抓拍', { selector: '[role=radio] span' }));
    await waitFor(() => expect(lists.at(-1)?.get('source')).toBe('violation'));
    fireEvent.click(screen.getByText('近 7 天'));
    await waitFor(() => expect(lists.at(-1)?.get('from')).toMatch(/^\d{4}-\d{2}-\d{2}$/));
    expect(lists.at(-1)?.get('state')).toBe('resolved');
    fireEvent.click(screen.getByText('待处理'));
    await screen.findByText('员工：张三');
    expect(lists.at(-1)?.get('state')).toBe('unresolved');
  });
});
