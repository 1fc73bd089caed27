// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { createElement } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { shim } from '../../testing/taro-shim';

vi.mock('@tarojs/taro', () => import('../../testing/taro-shim'));
vi.mock('@tarojs/components', () => import('../../testing/taro-components'));
vi.mock('@brightkitchen/sdk', () => import('../../../../sdk/src/index'));
vi.mock('@brightkitchen/sdk/taro', () => import('../../../../sdk/src/taro/index'));

const { LedgerForm } = await import('./index');
const { resolveProfile } = await import('../../../../sdk/src/index');

const field = (path: string) => document.getElementById(`f-${path.replace(/\./g, '-')}`) as HTMLElement;
const type = (path: string, value: string) =>
  fireEvent.change(within(field(path)).getByRole('textbox'), { target: { value } });

/** The region asks 200 g samples (the server's answer to GET /v1/venues/v1/rule-profile). */
const regionProfile = resolveProfile({ regionOverrides: { ledger: { sample: { minGrams: 200 } } } });

async function fillSample(grams: string) {
  render(createElement(LedgerForm, { kind: 'sample_retention', venueId: 'v1', timeZone: 'Asia/Shanghai' }));
  // Opening the form asks for the venue's numbers (answered, or failing offline) while the cook types.
  await waitFor(() => expect(shim.requests.some((r) => r.url.endsWith('/rule-profile'))).toBe(true));
  await new Promise((resolve) => setTimeout(resolve, 0));
  type('dishName', '红烧肉');
  fireEvent.click(within(field('meal')).getByText('午餐'));
  type('weightGrams', grams);
  type('storageUnit', '1 号留样柜');
  type('person', '王五');
  fireEvent.click(screen.getByText('保存'));
}

beforeEach(() => shim.reset());
afterEach(cleanup);

describe('ledger form with the venue’s rule numbers', () => {
  it('checks as typed with the numbers the server answers for the venue, and keeps them for offline', async () => {
    shim.answer = (req) =>
      req.url.endsWith('/v1/venues/v1/rule-profile') ? { statusCode: 200, data: regionProfile } : 'offline';
    await fillSample('150');
    // The national 125 g would pass 150 g; with the venue's numbers, 150 g is refused at the field.
    const message = within(field('weightGrams')).getByRole('alert');
    expect(message.textContent).toMatch(/200/);
    expect(screen.queryByTestId('saved')).toBeNull();
    expect(JSON.parse(shim.storage.get('bk-operator:profile:v1') ?? '{}').ledger.sample.minGrams).toBe(200);

    // Later, offline: the kept numbers still apply.
    cleanup();
    shim.answer = () => 'offline';
    await fillSample('150');
    expect(within(field('weightGrams')).getByRole('alert').textContent).toMatch(/200/);
  });

  it('states the venue’s numbers in the hints: a region’s 200 g samples, its own fever line', async () => {
    const strict = resolveProfile({
      regionOverrides: { ledger: { sample: { minGrams: 200 }, morningCheck: { feverC: 37.2 } } },
    });
    shim.answer = (req) =>
      req.url.endsWith('/v1/venues/v1/rule-profile') ? { statusCode: 200, data: strict } : 'offline';
    render(createElement(LedgerForm, { kind: 'sample_retention', venueId: 'v1', timeZone: 'Asia/Shanghai' }));
    // The national number until the venue's arrive, then the venue's.
    expect(field('weightGrams').textContent).toContain('每个品种不少于 125 克');
    await waitFor(() => expect(field('weightGrams').textContent).toContain('每个品种不少于 200 克'));
    expect(field('storageTempC').textContent).toContain('冷藏 0–8 ℃，保存不少于 48 小时');

    cleanup();
    render(createElement(LedgerForm, { kind: 'morning_check', venueId: 'v1', timeZone: 'Asia/Shanghai' }));
    await waitFor(() => expect(field('temperatureC').textContent).toContain('体温 ≥ 37.2 ℃ 不得上岗'));
  });

  it('without the venue’s numbers (never online) it checks with the national ones', async () => {
    await fillSample('150');
    await screen.findByTestId('saved-waiting');
  });
});
