// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { createElement } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { shim } from '../../testing/taro-shim';

vi.mock('@tarojs/taro', () => import('../../testing/taro-shim'));
vi.mock('@tarojs/components', () => import('../../testing/taro-components'));
vi.mock('@brightkitchen/sdk', () => import('../../../../sdk/src/index'));
vi.mock('@brightkitchen/sdk/taro', () => import('../../../../sdk/src/taro/index'));

const { LedgerForm } = await import('./index');

const field = (path: string) => document.getElementById(`f-${path.replace(/\./g, '-')}`) as HTMLElement;

beforeEach(() => {
  shim.reset();
  shim.storage.set(
    'bk-operator:staff:v1',
    JSON.stringify([
      { id: 's1', name: '张三' },
      { id: 's2', name: '李四' },
    ]),
  );
});
afterEach(cleanup);

describe('ledger form', () => {
  it('shows the rule messages in Chinese at each field after a save attempt, and saves nothing', () => {
    render(createElement(LedgerForm, { kind: 'morning_check', venueId: 'v1', timeZone: 'Asia/Shanghai' }));
    expect(screen.queryAllByRole('alert')).toHaveLength(0);
    fireEvent.click(screen.getByText('保存'));
    // Sentences that name the field as the form does and say what to do.
    expect(within(field('staffId')).getByRole('alert').textContent).toBe('请选择从业人员');
    expect(within(field('temperatureC')).getByRole('alert').textContent).toBe('请填写体温');
    expect(within(field('checker')).getByRole('alert').textContent).toBe('请填写晨检人');
    expect(screen.getByText(/请按提示修改 \d+ 处后保存/)).toBeTruthy();
    expect(shim.storage.get('bk-operator:outbox')).toBeUndefined();
  });

  it('messages follow the typing: a clean field loses its message, a fever shows a warning there', () => {
    render(createElement(LedgerForm, { kind: 'morning_check', venueId: 'v1', timeZone: 'Asia/Shanghai' }));
    fireEvent.click(screen.getByText('保存'));
    fireEvent.click(within(field('staffId')).getByText('张三'));
    fireEvent.change(within(field('checker')).getByRole('textbox'), { target: { value: '王五' } });
    expect(within(field('staffId')).queryByRole('alert')).toBeNull();
    expect(within(field('checker')).queryByRole('alert')).toBeNull();
    fireEvent.change(within(field('temperatureC')).getByRole('textbox'), { target: { value: '38.2' } });
    expect(within(field('temperatureC')).getByRole('alert').textContent).toMatch(/37\.3|发热|体温/);
    expect(field('temperatureC').className).toContain('field-warning');
  });

  it('saves an unfit staff member to the outbox first and says it waits while the phone is offline', async () => {
    render(createElement(LedgerForm, { kind: 'morning_check', venueId: 'v1', timeZone: 'Asia/Shanghai' }));
    fireEvent.click(within(field('staffId')).getByText('李四'));
    fireEvent.change(within(field('temperatureC')).getByRole('textbox'), { target: { value: '38.5' } });
    fireEvent.change(within(field('checker')).getByRole('textbox'), { target: { value: '王五' } });
    fireEvent.click(screen.getByText('保存'));
    await screen.findByTestId('saved-waiting');
    expect(screen.getByTestId('saved').textContent).toContain('已保存');
    expect(screen.getByTestId('saved-warning').textContent).toMatch(/注意：.*(发热|体温|37\.3)/);
    const stored = JSON.parse(shim.storage.get('bk-operator:outbox') ?? '[]');
    expect(stored).toHaveLength(1);
    expect(stored[0].body).toMatchObject({
      kind: 'morning_check',
      staffId: 's2',
      staffName: '李四',
      temperatureC: 38.5,
    });
    expect(stored[0].path).toBe('/v1/venues/v1/ledgers');
  });

  it('every ledger kind renders its form with the SDK labels', () => {
    for (const kind of [
      'purchase_inspection',
      'tableware_disinfection',
      'sample_retention',
      'air_disinfection',
      'accompanying_meal',
    ] as const) {
      render(createElement(LedgerForm, { kind, venueId: 'v1', timeZone: 'Asia/Shanghai' }));
      fireEvent.click(screen.getByText('保存'));
      expect(screen.queryAllByRole('alert').length).toBeGreaterThan(0);
      cleanup();
    }
    render(createElement(LedgerForm, { kind: 'sample_retention', venueId: 'v1', timeZone: 'Asia/Shanghai' }));
    expect(field('weightGrams').textContent).toContain('留样重量');
  });
});
