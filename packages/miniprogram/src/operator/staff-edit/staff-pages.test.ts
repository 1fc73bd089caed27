// @vitest-environment jsdom
/**
 * The manager keeps the staff archive from the phone: adds a person with both certificates (each problem said at its
 * field), edits one, marks someone as left; staff who left move out of the list; a staff member only reads.
 */
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { createElement } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type ShimRequest, shim } from '../../testing/taro-shim';

vi.mock('@tarojs/taro', () => import('../../testing/taro-shim'));
vi.mock('@tarojs/components', () => import('../../testing/taro-components'));
vi.mock('@brightkitchen/sdk', () => import('../../../../sdk/src/index'));
vi.mock('@brightkitchen/sdk/taro', () => import('../../../../sdk/src/taro/index'));

const { default: StaffPage } = await import('../staff/index');
const { default: StaffEditPage } = await import('./index');
const { operatorClient } = await import('../client');

const sessionOf = (role: string) => ({
  accessToken: 'a1',
  refreshToken: 'r1',
  expiresAt: Date.now() + 3_600_000,
  user: { id: 'u1', role },
});
const json = (statusCode: number, data: unknown) => ({ statusCode, data });
const zhang = {
  id: 'stf_1',
  venueId: 'v1',
  name: '张三',
  role: 'cook',
  healthCertificate: { number: 'JK-1', expiresOn: '2099-01-01' },
  trainingCertificate: { number: 'PX-1', expiresOn: '2099-01-01' },
};
const wang = {
  id: 'stf_2',
  venueId: 'v1',
  name: '王五',
  role: 'helper',
  healthCertificate: { number: 'JK-2', expiresOn: '2099-01-01' },
  leftOn: '2024-01-31',
};

let sent: { method: string; path: string; body: unknown }[];

beforeEach(() => {
  shim.reset();
  sent = [];
  shim.storage.set('bk-operator:venue', JSON.stringify({ id: 'v1', name: '第一中学食堂', timeZone: 'Asia/Shanghai' }));
  shim.storage.set('bk-operator:session', JSON.stringify(sessionOf('operator_manager')));
  shim.answer = (req: ShimRequest) => {
    const path = new URL(req.url).pathname;
    if (req.method !== 'GET') {
      const body = JSON.parse(req.data ?? '{}');
      sent.push({ method: req.method, path, body });
      return json(req.method === 'POST' ? 201 : 200, { ...zhang, ...body, id: 'stf_new' });
    }
    if (path === '/v1/venues/v1/staff') return json(200, { items: [zhang, wang], nextCursor: null });
    return 'offline';
  };
});
afterEach(async () => {
  cleanup();
  // The client keeps its session in memory: back to the manager's for the next test.
  const answer = shim.answer;
  shim.answer = (req) =>
    new URL(req.url).pathname === '/v1/auth/login'
      ? json(200, { ...sessionOf('operator_manager'), expiresIn: 900 })
      : answer(req);
  await operatorClient().auth.login('manager', 'a-long-password');
});

const fieldOf = (path: string) => document.querySelector(`[data-field="${path}"]`)?.textContent;

describe('staff pages', () => {
  it('lists who works here, with who left folded away, and lets the manager add and edit', async () => {
    render(createElement(StaffPage));
    await screen.findByText('张三');
    expect(screen.queryByText('王五')).toBeNull();
    fireEvent.click(screen.getByText('已离职 1 人（档案保留）'));
    expect(screen.getByText('王五')).toBeTruthy();
    expect(screen.getByText('已于 2024-01-31 离职')).toBeTruthy();
    await waitFor(() => expect(screen.getByText('添加员工')).toBeTruthy());
    fireEvent.click(screen.getByText('添加员工'));
    fireEvent.click(within(document.querySelector('[data-staff-id="stf_1"]') as HTMLElement).getByText('编辑'));
    expect(shim.navigations).toEqual(['/operator/staff-edit/index', '/operator/staff-edit/index?id=stf_1']);
  });

  it('shows a staff member no buttons to change the archive', async () => {
    const answer = shim.answer;
    shim.answer = (req) =>
      new URL(req.url).pathname === '/v1/auth/login'
        ? json(200, { ...sessionOf('operator_staff'), expiresIn: 900 })
        : answer(req);
    await operatorClient().auth.login('staff', 'a-long-password');
    render(createElement(StaffPage));
    await screen.findByText('张三');
    await new Promise((r) => setTimeout(r, 20));
    expect(screen.queryByText('添加员工')).toBeNull();
    expect(screen.queryByText('编辑')).toBeNull();
  });

  it('adds a person: says what is missing at each field, then sends both certificates', async () => {
    render(createElement(StaffEditPage));
    fireEvent.click(screen.getByText('保存'));
    expect(fieldOf('name')).toBe('请填写姓名');
    expect(fieldOf('role')).toBe('请选择岗位');
    expect(fieldOf('healthCertificate.number')).toBe('请填写健康证明编号');
    expect(fieldOf('healthCertificate.expiresOn')).toBe('请选择健康证明有效期');
    expect(sent).toEqual([]);

    fireEvent.change(screen.getByLabelText('姓名'), { target: { value: '李四' } });
    fireEvent.click(screen.getByText('帮厨'));
    fireEvent.change(screen.getByLabelText('手机号'), { target: { value: '电话' } });
    fireEvent.change(screen.getByLabelText('健康证明编号'), { target: { value: 'JK-9' } });
    const dates = document.querySelectorAll('input[data-picker="date"]');
    fireEvent.change(dates[0] as Element, { target: { value: '2026-05-01' } });
    fireEvent.change(screen.getByLabelText('培训合格证编号'), { target: { value: 'PX-9' } });
    fireEvent.click(screen.getByText('保存'));
    expect(fieldOf('phone')).toBe('手机号的格式不正确，请核对');
    expect(fieldOf('trainingCertificate.expiresOn')).toBe('请选择培训合格证有效期');
    fireEvent.change(screen.getByLabelText('手机号'), { target: { value: '13800000000' } });
    fireEvent.change(dates[1] as Element, { target: { value: '2026-12-31' } });
    fireEvent.click(screen.getByText('保存'));
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]).toEqual({
      method: 'POST',
      path: '/v1/venues/v1/staff',
      body: {
        name: '李四',
        role: 'helper',
        phone: '13800000000',
        healthCertificate: { number: 'JK-9', expiresOn: '2026-05-01' },
        trainingCertificate: { number: 'PX-9', expiresOn: '2026-12-31' },
      },
    });
    await waitFor(() => expect(shim.navigations).toEqual(['back']));
  });

  it('edits a person (a cleared training certificate is removed) and marks them as left', async () => {
    shim.params = { id: 'stf_1' };
    render(createElement(StaffEditPage));
    const name = (await screen.findByLabelText('姓名')) as HTMLInputElement;
    expect(name.value).toBe('张三');
    fireEvent.change(screen.getByLabelText('培训合格证编号'), { target: { value: '' } });
    const dates = document.querySelectorAll('input[data-picker="date"]');
    fireEvent.change(dates[1] as Element, { target: { value: '' } });
    fireEvent.click(screen.getByText('保存'));
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]).toMatchObject({ method: 'PATCH', path: '/v1/venues/v1/staff/stf_1' });
    expect(sent[0]?.body).toMatchObject({ name: '张三', trainingCertificate: null, phone: null });

    cleanup();
    render(createElement(StaffEditPage));
    await screen.findByTestId('staff-left');
    fireEvent.change(document.querySelectorAll('input[data-picker="date"]')[2] as Element, {
      target: { value: '2024-06-30' },
    });
    fireEvent.click(screen.getByText('标记为已离职'));
    await waitFor(() => expect(sent).toHaveLength(2));
    expect(sent[1]).toEqual({ method: 'PATCH', path: '/v1/venues/v1/staff/stf_1', body: { leftOn: '2024-06-30' } });
  });
});
