import { describe, expect, it } from 'vitest';
import { publicCodeFrom, publicCodeFromQuery } from './public-code';

describe('publicCodeFrom', () => {
  it('reads the code from a bare code, a URL query, a path tail or an encoded QR url', () => {
    expect(publicCodeFrom('AB12cd34')).toBe('AB12cd34');
    expect(publicCodeFrom('https://bk.example.cn/app/#/pages/venue/index?code=AB12cd34')).toBe('AB12cd34');
    expect(publicCodeFrom('https://bk.example.cn/q/AB12cd34')).toBe('AB12cd34');
    expect(publicCodeFrom(encodeURIComponent('https://bk.example.cn/q/AB12cd34'))).toBe('AB12cd34');
    expect(publicCodeFrom('pages/venue/index?code=AB12cd34&x=1')).toBe('AB12cd34');
  });

  it('refuses text that is not one of our codes', () => {
    expect(publicCodeFrom('hello')).toBeNull();
    expect(publicCodeFrom('https://weixin.qq.com/')).toBeNull();
    expect(publicCodeFrom('')).toBeNull();
  });

  it('takes the page query, then the QR launch parameters', () => {
    expect(publicCodeFromQuery({ q: encodeURIComponent('https://bk.example.cn/q/ZZ99yy88') })).toBe('ZZ99yy88');
    expect(publicCodeFromQuery({ scene: 'ZZ99yy88' })).toBe('ZZ99yy88');
    expect(publicCodeFromQuery({})).toBeNull();
  });
});
