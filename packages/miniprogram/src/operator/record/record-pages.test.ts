// @vitest-environment jsdom
/**
 * Today's records open read-only, and a mistake is corrected by a new record: the list marks 已更正, the record shows
 * every field as filled with a link to its correction, and the correction form starts from the record, asks why, and
 * saves a record that names the one it corrects.
 */
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { createElement } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type ShimRequest, shim } from '../../testing/taro-shim';

vi.mock('@tarojs/taro', () => import('../../testing/taro-shim'));
vi.mock('@tarojs/components', () => import('../../testing/taro-components'));
vi.mock('@brightkitchen/sdk', () => import('../../../../sdk/src/index'));
vi.mock('@brightkitchen/sdk/taro', () => import('../../../../sdk/src/taro/index'));
vi.mock('../records.css', () => ({}));

const { default: RecordsPage } = await import('../records/index');
const { default: RecordPage } = await import('./index');
const { default: LedgerPage } = await import('../ledger/index');

const session = { accessToken: 'a1', refreshToken: 'r1', expiresAt: Date.now() + 3_600_000, user: { id: 'u1' } };
const json = (statusCode: number, data: unknown) => ({ statusCode, data });
const field = (path: string) => document.getElementById(`f-${path.replace(/\./g, '-')}`) as HTMLElement;

const body = {
  kind: 'morning_check',
  venueId: 'v1',
  staffId: 's1',
  staffName: '张三',
  // 07:40 in Shanghai.
  time: '2024-06-14T23:40:00.000Z',
  temperatureC: 38.5,
  symptoms: [],
  handCheckOk: true,
  uniformOk: true,
  checker: '王老师',
};
const entry = (over: Record<string, unknown> = {}) => ({
  id: 'led_1',
  venueId: 'v1',
  seq: 7,
  kind: 'morning_check',
  localDay: '2024-06-15',
  record: body,
  issues: [
    {
      code: 'LEDGER_MORNING_FEVER',
      path: 'temperatureC',
      severity: 'warning',
      message: { zh: '体温 38.5 ℃，不低于 37.3 ℃：当日不得从事接触直接入口食品的工作', en: 'fever' },
    },
  ],
  hash: 'a'.repeat(64),
  prevHash: 'b'.repeat(64),
  createdAt: '2024-06-14T23:41:00.000Z',
  retainUntil: '2026-06-15',
  ...over,
});
const corrected = entry({
  correctedBy: { recordId: 'led_2', seq: 9, createdAt: '2024-06-15T00:10:00.000Z', reason: '体温误录，实测 36.5' },
});

beforeEach(() => {
  shim.reset();
  shim.storage.set('bk-operator:venue', JSON.stringify({ id: 'v1', name: '第一中学食堂', timeZone: 'Asia/Shanghai' }));
  shim.storage.set('bk-operator:session', JSON.stringify(session));
  shim.storage.set('bk-operator:staff:v1', JSON.stringify([{ id: 's1', name: '张三' }]));
});
afterEach(cleanup);

describe('saved records', () => {
  it('lists today’s records of a kind, marks the corrected one, and opens a record', async () => {
    shim.params = { kind: 'morning_check' };
    const asked: URL[] = [];
    shim.answer = (req: ShimRequest) => {
      const url = new URL(req.url);
      asked.push(url);
      return url.pathname === '/v1/venues/v1/ledgers' ? json(200, { items: [corrected], nextCursor: null }) : 'offline';
    };
    render(createElement(RecordsPage));
    const row = (await screen.findByText('已更正')).closest('[data-record-id]') as HTMLElement;
    expect(within(row).getByText('07:40')).toBeTruthy();
    expect(within(row).getByText('张三 · 体温 38.5 ℃ · 症状 无')).toBeTruthy();
    const query = asked[0]?.searchParams;
    expect([query?.get('kind'), query?.get('from') === query?.get('to')]).toEqual(['morning_check', true]);
    fireEvent.click(row);
    expect(shim.navigations).toEqual(['/operator/record/index?id=led_1']);
  });

  it('shows a record read-only with its findings and a link to its correction; no second correction', async () => {
    shim.params = { id: 'led_1' };
    shim.answer = (req) =>
      new URL(req.url).pathname === '/v1/venues/v1/ledgers/led_1' ? json(200, corrected) : 'offline';
    render(createElement(RecordPage));
    await screen.findByText('晨检');
    expect(screen.getByText('已更正')).toBeTruthy();
    expect(screen.getByText('38.5 ℃')).toBeTruthy();
    expect(screen.getByText('手部无伤口、无感染')).toBeTruthy();
    expect(screen.getByText(/当日不得从事接触直接入口食品的工作/)).toBeTruthy();
    expect(screen.getByText('更正原因：体温误录，实测 36.5')).toBeTruthy();
    expect(screen.queryByText('更正这条记录')).toBeNull();
    expect(document.querySelectorAll('input, textarea')).toHaveLength(0);
    fireEvent.click(screen.getByText('查看更正后的记录（第 9 条）'));
    expect(shim.navigations).toEqual(['/operator/record/index?id=led_2']);
  });

  it('corrects a record: starts from it, asks why, and saves a new record that names it', async () => {
    shim.params = { kind: 'morning_check', corrects: 'led_1' };
    shim.answer = (req) =>
      new URL(req.url).pathname === '/v1/venues/v1/ledgers/led_1' && req.method === 'GET'
        ? json(200, entry())
        : 'offline';
    render(createElement(LedgerPage));
    await screen.findByTestId('correcting');
    const temperature = within(field('temperatureC')).getByRole('textbox') as HTMLInputElement;
    expect(temperature.value).toBe('38.5');
    expect((within(field('time')).getByText('07:40') as HTMLElement).textContent).toBe('07:40');
    fireEvent.change(temperature, { target: { value: '36.5' } });
    fireEvent.click(screen.getByText('保存更正'));
    expect(screen.getByText('请填写更正原因')).toBeTruthy();
    expect(shim.storage.get('bk-operator:outbox')).toBeUndefined();
    fireEvent.change(screen.getByLabelText('更正原因'), { target: { value: '体温误录，实测 36.5' } });
    fireEvent.click(screen.getByText('保存更正'));
    await screen.findByText('更正已保存');
    const stored = JSON.parse(shim.storage.get('bk-operator:outbox') ?? '[]');
    expect(stored[0].body).toMatchObject({
      kind: 'morning_check',
      staffId: 's1',
      temperatureC: 36.5,
      // On the corrected record's own day, at the time it had.
      time: '2024-06-15T07:40:00+08:00',
      corrects: { recordId: 'led_1', reason: '体温误录，实测 36.5' },
    });
  });
});
