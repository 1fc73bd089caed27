// Draws the tab bar icons (WeChat asks for PNG files, 81×81, in the main package; the H5 tab bar shows the same):
// each icon is an SVG line drawing below, rendered by headless Chromium on a transparent background in the tab
// bar's two colours. Run after changing a drawing: `node packages/miniprogram/scripts/tab-icons.mjs`.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const out = fileURLToPath(new URL('../src/assets/tabbar/', import.meta.url));
/** The tab bar's `color` and `selectedColor` (src/app.config.ts). */
const COLORS = { '': '#666666', '-on': '#067d40' };
const SIZE = 81;

/** 48×48 line drawings, stroked. */
const ICONS = {
  // A scan frame: four corners and the scan line.
  scan: '<path d="M6 16V9a3 3 0 0 1 3-3h7M32 6h7a3 3 0 0 1 3 3v7M42 32v7a3 3 0 0 1-3 3h-7M16 42H9a3 3 0 0 1-3-3v-7M11 24h26"/>',
  // A light bulb: a tip.
  tips: '<path d="M24 6a12 12 0 0 0-7 21.7V32h14v-4.3A12 12 0 0 0 24 6zM18 37h12M20 42h8"/>',
  // A person.
  mine: '<circle cx="24" cy="16" r="8"/><path d="M9 42a15 15 0 0 1 30 0"/>',
};

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu'],
});
try {
  const page = await browser.newPage({ viewport: { width: SIZE, height: SIZE } });
  mkdirSync(out, { recursive: true });
  for (const [name, drawing] of Object.entries(ICONS)) {
    for (const [suffix, color] of Object.entries(COLORS)) {
      const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${SIZE}" height="${SIZE}" viewBox="0 0 48 48" fill="none" stroke="${color}" stroke-width="3.5" stroke-linecap="round" stroke-linejoin="round">${drawing}</svg>`;
      await page.setContent(`<html><body style="margin:0;background:transparent">${svg}</body></html>`);
      await page.screenshot({ path: join(out, `${name}${suffix}.png`), omitBackground: true });
    }
  }
} finally {
  await browser.close();
}
