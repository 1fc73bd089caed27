// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { createElement } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RATING_ALREADY_TODAY_TEXT } from '../../lib/error-text';
import { shim } from '../../testing/taro-shim';

vi.mock('@tarojs/taro', () => import('../../testing/taro-shim'));
vi.mock('@tarojs/components', () => import('../../testing/taro-components'));
vi.mock('@brightkitchen/sdk', () => import('../../../../sdk/src/index'));
vi.mock('@brightkitchen/sdk/taro', () => import('../../../../sdk/src/taro/index'));

const { default: RatePage } = await import('./index');
afterEach(cleanup);

const tokens = { accessToken: 'a', refreshToken: 'r', expiresIn: 3600, user: { id: 'u1', role: 'consumer' } };

describe('rate page', () => {
  it('asks for all three faces, logs in with WeChat on first use and explains the one-per-day limit', async () => {
    shim.reset();
    shim.params = { venueId: 'v1', name: encodeURIComponent('阳光小学食堂') };
    shim.answer = (req) =>
      req.url.endsWith('/v1/auth/wechat')
        ? { statusCode: 200, data: tokens }
        : {
            statusCode: 409,
            data: { code: 'RATING_ALREADY_TODAY', message: { zh: '今天已评价', en: 'already rated today' } },
          };
    render(createElement(RatePage));
    const submit = screen.getByText('请为三项分别选择表情') as HTMLButtonElement;
    expect(submit.disabled).toBe(true);
    fireEvent.click(screen.getByLabelText('菜品满意'));
    fireEvent.click(screen.getByLabelText('卫生满意'));
    fireEvent.click(screen.getByLabelText('服务一般'));
    fireEvent.click(screen.getByText('提交评价'));
    expect((await screen.findByRole('alert')).textContent).toBe(RATING_ALREADY_TODAY_TEXT);
    const wechat = shim.requests.find((r) => r.url.endsWith('/v1/auth/wechat'));
    expect(JSON.parse(wechat?.data ?? '{}')).toEqual({ code: 'wx-code-1' });
    const rating = shim.requests.find((r) => r.url.endsWith('/v1/venues/v1/ratings'));
    expect(JSON.parse(rating?.data ?? '{}')).toEqual({
      faces: { dishes: 'satisfied', hygiene: 'satisfied', service: 'neutral' },
    });
    expect(rating?.header.authorization).toBe('Bearer a');
  });
});
