/**
 * What the H5 app adds around Taro's pages in a browser (Taro builds this file instead of h5-shell.ts for H5):
 * - Taro's navigation bar (back, home) named for screen readers, reachable by keyboard, and a finger's size;
 * - role="button" elements (Taro's buttons, given the role by patches/@tarojs__components; faces, photo tiles,
 *   links) act on Enter and Space like buttons;
 * - a link to a page that does not exist opens the home page and says so, instead of a blank screen.
 */
import Taro from '@tarojs/taro';
import './h5-shell.css';

const NAV_BUTTONS: readonly (readonly [string, string])[] = [
  ['taro-navigation-bar-back', '返回上一页'],
  ['taro-navigation-bar-home', '回到首页'],
];

function labelNavigationBar(): boolean {
  let found = false;
  for (const [className, label] of NAV_BUTTONS) {
    const button = document.getElementsByClassName(className)[0];
    if (!button) continue;
    found = true;
    button.setAttribute('role', 'button');
    button.setAttribute('tabindex', '0');
    button.setAttribute('aria-label', label);
  }
  return found;
}

export function setUpH5Shell(): void {
  if (typeof document === 'undefined') return;
  if (!labelNavigationBar()) {
    const observer = new MutationObserver(() => labelNavigationBar() && observer.disconnect());
    observer.observe(document.body, { childList: true, subtree: true });
  }
  document.addEventListener('keydown', (event) => {
    if (event.key !== 'Enter' && event.key !== ' ') return;
    const target = event.target as HTMLElement | null;
    if (target?.getAttribute('role') !== 'button' || target.tagName === 'BUTTON') return;
    if (target.getAttribute('aria-disabled') === 'true') return;
    event.preventDefault();
    target.click();
  });
  Taro.eventCenter.on('__taroRouterNotFound', () => {
    void Taro.reLaunch({ url: '/pages/scan/index?notFound=1' });
  });
}
