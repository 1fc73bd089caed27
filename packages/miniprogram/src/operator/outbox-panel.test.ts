// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { createElement } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { shim } from '../testing/taro-shim';

vi.mock('@tarojs/taro', () => import('../testing/taro-shim'));
vi.mock('@tarojs/components', () => import('../testing/taro-components'));
vi.mock('@brightkitchen/sdk', () => import('../../../sdk/src/index'));
vi.mock('@brightkitchen/sdk/taro', () => import('../../../sdk/src/taro/index'));

afterEach(cleanup);

const item = (id: string, kind: string) => ({
  id,
  kind: 'ledger',
  idempotencyKey: id,
  path: '/v1/venues/v1/ledgers',
  body: { kind },
  // 09:05 on the venue's clock (Asia/Shanghai), whatever the zone of the machine running the test.
  enqueuedAt: Date.parse('2024-05-01T09:05:00+08:00'),
  attempts: 2,
});

describe('outbox panel', () => {
  it('lists what waits and what the server refused; sends once back online and then says all is uploaded', async () => {
    shim.reset();
    shim.storage.set('bk-operator:outbox', JSON.stringify([item('a', 'tableware_disinfection')]));
    shim.storage.set(
      'bk-operator:outbox:rejected',
      JSON.stringify([
        {
          item: item('b', 'sample_retention'),
          error: {
            name: 'RuleError',
            code: 'LEDGER_RULE_VIOLATION',
            message: { zh: '台账不符合食品安全规则', en: 'The ledger record breaks a food-safety rule' },
            status: 422,
            details: {
              issues: [
                {
                  code: 'LEDGER_SAMPLE_UNDERWEIGHT',
                  path: 'weightGrams',
                  severity: 'error',
                  message: { zh: '留样不足 125 克', en: 'sample under 125 g' },
                },
              ],
            },
          },
          rejectedAt: 1,
        },
      ]),
    );
    const { OutboxPanel } = await import('./outbox-panel');
    render(createElement(OutboxPanel));
    expect((await screen.findByTestId('outbox-pending')).textContent).toBe('待上传 1 条');
    expect(screen.getByText('餐饮具消毒 · 09:05')).toBeTruthy();
    // The client tried again at start (offline): the count only grows.
    expect(screen.getByText(/已重试 [2-9] 次/)).toBeTruthy();
    expect(screen.getByText('食品留样 · 09:05 未被接受：留样不足 125 克')).toBeTruthy();

    shim.answer = () => ({ statusCode: 201, data: { record: { id: 'r1' }, issues: [] } });
    fireEvent.click(screen.getByText('立即上传'));
    await waitFor(() => expect(screen.queryByTestId('outbox-pending')).toBeNull());
    const posts = shim.requests.filter((r) => r.method === 'POST');
    expect(posts.filter((r) => r.header['Idempotency-Key'] === 'a').length).toBeGreaterThanOrEqual(1);
    fireEvent.click(screen.getByText('知道了'));
    await screen.findByText('所有记录均已上传');
  });
});
