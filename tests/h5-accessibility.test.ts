/**
 * Accessibility basics of the consumer H5 app, checked on every consumer page as Chromium renders it: each text at
 * 4.5:1 contrast against what is behind it (disabled controls aside), each input named, every control reached by Tab
 * in reading order, and what a person reads free of raw codes and of sentences with two colons.
 */
import { mkdirSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type FakeTencentSms,
  fakeSmsEnv,
  startFakeTencentSms,
} from '../packages/server/src/testing/fake-tencent-sms.js';
import { seedTestCity, type TestCity } from '../packages/server/src/testing/fixtures.js';
import { liveSmsCode } from '../packages/server/src/testing/sms-codes.js';
import { startTestServer, type TestServer } from '../packages/server/src/testing/test-server.js';
import { ensureH5Build, inspectVenue, launchChromium, phoneContext, shots, signInByPhone } from './support/h5-app.js';

let server: TestServer;
let sms: FakeTencentSms;
let city: TestCity;
let browser: Browser;
let signedIn: BrowserContext;
let pages: { name: string; path: string; ready: string; signedIn?: boolean }[];

interface Audit {
  /** Texts checked (the audit saw the page). */
  checked: number;
  lowContrast: { text: string; ratio: number; fg: string; bg: string }[];
  unnamedInputs: string[];
  codes: string[];
  twoColons: string[];
}

/** Runs in the page: contrast of every visible text, names of inputs, and what a person reads. */
function auditPage(): Audit {
  type El = {
    parentElement: El | null;
    tagName: string;
    getAttribute(n: string): string | null;
    closest(s: string): El | null;
    getClientRects(): { length: number };
  };
  const g = globalThis as unknown as {
    document: {
      body: El;
      createTreeWalker(root: El, what: number): { nextNode(): { nodeValue: string | null; parentElement: El } | null };
      querySelectorAll(s: string): ArrayLike<El>;
    };
    getComputedStyle(
      e: El,
      pseudo?: string,
    ): { color: string; backgroundColor: string; opacity: string; visibility: string };
  };
  type Rgba = [number, number, number, number];
  const parse = (css: string): Rgba => {
    const m = /rgba?\(([^)]+)\)/.exec(css);
    if (!m) return [0, 0, 0, 0];
    const p = (m[1] ?? '')
      .split(/[,\s/]+/)
      .filter(Boolean)
      .map(Number);
    return [p[0] ?? 0, p[1] ?? 0, p[2] ?? 0, p[3] ?? 1];
  };
  const blend = (top: Rgba, under: Rgba): Rgba => {
    const a = top[3];
    return [top[0] * a + under[0] * (1 - a), top[1] * a + under[1] * (1 - a), top[2] * a + under[2] * (1 - a), 1];
  };
  const channel = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  const lum = (c: Rgba) => 0.2126 * channel(c[0]) + 0.7152 * channel(c[1]) + 0.0722 * channel(c[2]);
  const ratio = (a: Rgba, b: Rgba) => {
    const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x) as [number, number];
    return (hi + 0.05) / (lo + 0.05);
  };
  /** What is painted behind an element: its and its ancestors' backgrounds, blended down to white. */
  const background = (el: El): Rgba => {
    const layers: Rgba[] = [];
    for (let e: El | null = el; e; e = e.parentElement) {
      const bg = parse(g.getComputedStyle(e).backgroundColor);
      if (bg[3] > 0) layers.push(bg);
      if (bg[3] >= 1) break;
    }
    return layers.reduceRight<Rgba>((under, top) => blend(top, under), [255, 255, 255, 1]);
  };
  const opacity = (el: El) => {
    let o = 1;
    for (let e: El | null = el; e; e = e.parentElement) o *= Number(g.getComputedStyle(e).opacity);
    return o;
  };
  const audit: Audit = { checked: 0, lowContrast: [], unnamedInputs: [], codes: [], twoColons: [] };
  const walker = g.document.createTreeWalker(g.document.body, 4 /* NodeFilter.SHOW_TEXT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = (node.nodeValue ?? '').trim();
    const el = node.parentElement;
    if (!text || !el || el.getClientRects().length === 0) continue;
    if (['SCRIPT', 'STYLE', 'NOSCRIPT'].includes(el.tagName)) continue;
    const style = g.getComputedStyle(el);
    if (style.visibility === 'hidden' || opacity(el) === 0) continue;
    // Hidden pages of Taro's stack are display:none (no client rects); disabled controls are exempt from contrast.
    if (el.closest('[aria-disabled="true"],[disabled]')) continue;
    audit.checked++;
    const bg = background(el);
    const fg = parse(style.color);
    const shown = blend([fg[0], fg[1], fg[2], fg[3] * opacity(el)], bg);
    const r = ratio(shown, bg);
    if (r < 4.5)
      audit.lowContrast.push({
        text,
        ratio: Math.round(r * 100) / 100,
        fg: style.color,
        bg: `rgb(${bg.slice(0, 3).join(', ')})`,
      });
    if (/\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\b/.test(text) || text.includes('错误代码')) audit.codes.push(text);
    if ((text.match(/：/g) ?? []).length > 1) audit.twoColons.push(text);
  }
  const controls = Array.from(g.document.querySelectorAll('input, textarea')).filter(
    (el) => el.getClientRects().length > 0 && !['hidden', 'file'].includes(el.getAttribute('type') ?? ''),
  );
  for (const el of controls) {
    const named = el.getAttribute('aria-label') || el.getAttribute('aria-labelledby') || el.closest('label');
    if (!named)
      audit.unnamedInputs.push(`${el.tagName.toLowerCase()}[placeholder="${el.getAttribute('placeholder') ?? ''}"]`);
    // The placeholder is text a person reads too.
    const placeholder = parse(g.getComputedStyle(el, '::placeholder').color);
    const r = ratio(blend(placeholder, background(el)), background(el));
    if (el.getAttribute('placeholder') && r < 4.5)
      audit.lowContrast.push({
        text: `placeholder: ${el.getAttribute('placeholder')}`,
        ratio: Math.round(r * 100) / 100,
        fg: '',
        bg: '',
      });
  }
  return audit;
}

/** Tabs through the page: what takes focus, in order, with where it sits (navigation bar first, tab bar last). */
async function tabOrder(page: Page): Promise<{ name: string; key: number; bottom: number }[]> {
  const seen: { name: string; key: number; bottom: number }[] = [];
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      type El = {
        tagName: string;
        textContent: string | null;
        getAttribute(n: string): string | null;
        closest(s: string): unknown;
        getBoundingClientRect(): { top: number; bottom: number };
      };
      const g = globalThis as unknown as { document: { activeElement: El | null; body: El }; scrollY: number };
      const el = g.document.activeElement;
      if (!el || el === g.document.body) return null;
      const name = el.getAttribute('aria-label') || el.textContent?.trim() || el.tagName.toLowerCase();
      const rect = el.getBoundingClientRect();
      const [key, bottom] = el.closest('#taro-navigation-bar')
        ? [-2, -1]
        : el.closest('.weui-tabbar')
          ? [1e9, 1e9 + 1]
          : [rect.top + g.scrollY, rect.bottom + g.scrollY];
      return { name: name.slice(0, 20), key, bottom };
    });
    if (!focused) continue;
    if (seen.length > 0 && seen[0]?.name === focused.name && seen[0]?.key === focused.key) break;
    seen.push(focused);
  }
  return seen;
}

/** What ought to be reachable by keyboard: every enabled control a person can see. */
async function controls(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    type El = {
      textContent: string | null;
      tagName: string;
      getAttribute(n: string): string | null;
      getClientRects(): { length: number };
    };
    const g = globalThis as unknown as { document: { querySelectorAll(s: string): ArrayLike<El> } };
    return Array.from(
      g.document.querySelectorAll(
        '[role="button"]:not([aria-disabled="true"]), .weui-input, .taro-textarea, .weui-switch',
      ),
    )
      .filter((el) => el.getClientRects().length > 0)
      .map((el) => (el.getAttribute('aria-label') || el.textContent?.trim() || el.tagName.toLowerCase()).slice(0, 20));
  });
}

beforeAll(async () => {
  mkdirSync(shots, { recursive: true });
  await ensureH5Build();
  sms = await startFakeTencentSms();
  server = await startTestServer('sqlite', fakeSmsEnv(sms));
  city = await seedTestCity(server);
  await inspectVenue(server, city.venues.school, 9.5);
  const code = (
    await server.request<{ publicCode: string }>(`/v1/venues/${city.venues.school}`, { token: city.manager.token })
  ).body.publicCode;
  const venueQuery = `code=${code}&venueId=${city.venues.school}&name=${encodeURIComponent('第一中学食堂')}`;
  pages = [
    { name: 'scan', path: 'pages/scan/index', ready: '输入门店码' },
    { name: 'tips', path: 'pages/tips/index', ready: '食品安全小贴士' },
    { name: 'mine', path: 'pages/mine/index', ready: '登录后查看您提交的告知和投诉' },
    { name: 'login', path: 'pages/login/index', ready: '获取验证码' },
    { name: 'venue', path: `pages/venue/index?code=${code}`, ready: '今日台账' },
    { name: 'rate', path: `pages/rate/index?${venueQuery}`, ready: '请为三项分别选择表情' },
    { name: 'notice', path: `consumer/report/index?type=notice&${venueQuery}`, ready: '告知将直接发给商户' },
    { name: 'complaint', path: `consumer/report/index?type=complaint&${venueQuery}`, ready: '投诉将转给属地' },
    { name: 'mine-signed-in', path: 'pages/mine/index', ready: '我的投诉', signedIn: true },
  ];
  browser = await launchChromium();
  // One consumer with a notice and a complaint, for "mine".
  signedIn = await phoneContext(browser);
  const page = await signedIn.newPage();
  await page.goto(`${server.baseUrl}/app/#/pages/login/index`);
  await signInByPhone(page, server, sms, '13700137003');
  await page.waitForURL(/pages\/mine\/index/, { timeout: 20_000 });
  // The same number through the API is the same consumer: their notice and complaint show on the page's "mine".
  const session = await server.request<{ accessToken: string }>('/v1/auth/sms', {
    body: { phone: '13700137003', code: await liveSmsCode(server, '13700137003') },
  });
  const token = session.body.accessToken;
  await server.request(`/v1/venues/${city.venues.school}/notices`, {
    token,
    body: { subject: '顾客告知', body: '餐厅地面湿滑，请放置提示牌。' },
  });
  await server.request(`/v1/venues/${city.venues.school}/complaints`, {
    token,
    body: { text: '后厨人员未戴口罩。', location: { lat: 36.457, lng: 115.991 } },
  });
  await page.close();
}, 480_000);

afterAll(async () => {
  await signedIn?.close();
  await browser?.close();
  await server?.close();
  await sms?.close();
});

describe('accessibility of every consumer page (H5, Chromium)', () => {
  it('draws ℃ in the page’s font (a CJK font with an empty ℃ showed temperatures without their unit)', async () => {
    const context = await phoneContext(browser);
    const page = await context.newPage();
    await page.goto(`${server.baseUrl}/app/#/pages/tips/index`);
    await page.getByText('食品安全小贴士').waitFor({ timeout: 30_000 });
    const inked = await page.evaluate(() => {
      const g = globalThis as unknown as {
        document: { body: unknown; createElement(t: 'canvas'): HTMLCanvas };
        getComputedStyle(e: unknown): { fontFamily: string };
      };
      type HTMLCanvas = {
        width: number;
        height: number;
        getContext(t: '2d'): {
          font: string;
          fillText(t: string, x: number, y: number): void;
          getImageData(x: number, y: number, w: number, h: number): { data: ArrayLike<number> };
        };
      };
      const canvas = g.document.createElement('canvas');
      canvas.width = 80;
      canvas.height = 60;
      const ctx = canvas.getContext('2d');
      ctx.font = `40px ${g.getComputedStyle(g.document.body).fontFamily}`;
      ctx.fillText('℃', 10, 48);
      const { data } = ctx.getImageData(0, 0, 80, 60);
      let n = 0;
      for (let i = 3; i < data.length; i += 4) if ((data[i] ?? 0) > 0) n++;
      return n;
    });
    expect(inked).toBeGreaterThan(50);
    await context.close();
  }, 60_000);

  it.each(['scan', 'tips', 'mine', 'login', 'venue', 'rate', 'notice', 'complaint', 'mine-signed-in'])(
    '%s: text at 4.5:1, inputs named, no raw codes, one colon a sentence, every control in tab order',
    async (name) => {
      const spec = pages.find((p) => p.name === name);
      if (!spec) throw new Error(name);
      const context = spec.signedIn ? signedIn : await phoneContext(browser);
      const page = await context.newPage();
      try {
        await page.goto(`${server.baseUrl}/app/#/${spec.path}`);
        await page.getByText(spec.ready).first().waitFor({ timeout: 30_000 });
        await page.waitForTimeout(400); // the page's entry animation
        await page.screenshot({ path: `${shots}/a11y-${name}.png`, fullPage: true });
        const audit = await page.evaluate(auditPage);
        expect(audit.checked).toBeGreaterThan(2);
        expect(audit.lowContrast).toEqual([]);
        expect(audit.unnamedInputs).toEqual([]);
        expect(audit.codes).toEqual([]);
        expect(audit.twoColons).toEqual([]);
        const expected = await controls(page);
        const order = await tabOrder(page);
        const reached = order.map((f) => f.name);
        expect(
          expected.filter((c) => !reached.includes(c)),
          `reached: ${reached.join(' | ')}`,
        ).toEqual([]);
        for (let i = 1; i < order.length; i++) {
          // Reading order: no control comes after one it sits wholly above (a row's neighbours overlap).
          expect(order[i]?.bottom, `${order[i]?.name} after ${order[i - 1]?.name}`).toBeGreaterThan(
            order[i - 1]?.key ?? 0,
          );
        }
      } finally {
        await page.close();
        if (!spec.signedIn) await context.close();
      }
    },
    120_000,
  );
});
