/**
 * Runs the built weapp output (`dist/`) in plain Node: fake `App`, `Page`, `Component`, `getCurrentPages` and a fake
 * `wx` that records calls (unknown APIs read as undefined). Pages mount, render into `data`, and take taps.
 * `miniprogram-simulate` does not work on Taro output; this reads what Taro actually hands WeChat.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import vm from 'node:vm';

const packageRoot = join(__dirname, '..', '..');
/** The built weapp the harness loads. */
export const weappDist = join(packageRoot, 'dist');

function newest(dir: string): number {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}

/** Builds the weapp when `dist/` is missing or older than the app's or the SDK's sources. */
export function ensureWeappBuild(): void {
  const app = join(weappDist, 'app.js');
  const sources = Math.max(newest(join(packageRoot, 'src')), newest(join(packageRoot, '..', 'sdk', 'src')));
  if (existsSync(app) && statSync(app).mtimeMs >= sources) return;
  // Vitest sets NODE_ENV=test, which changes what babel-preset-taro emits: build as production.
  execFileSync('pnpm', ['run', 'build:weapp'], {
    cwd: packageRoot,
    stdio: 'pipe',
    timeout: 240_000,
    env: { ...process.env, NODE_ENV: 'production' },
  });
}

type Json = Record<string, unknown>;
type Callbacks = { success?: (res: unknown) => void; fail?: (err: unknown) => void; complete?: (res: unknown) => void };

export interface WxCall {
  readonly api: string;
  readonly options: Json;
}

export interface FakeSocket {
  readonly url: string;
  readonly protocols: readonly string[];
  readonly sent: unknown[];
}

export interface WeappOptions {
  /** Answers `wx.request`: status and body (JSON value); `'offline'` fails the request. */
  readonly answer?: (req: {
    url: string;
    method: string;
    data: unknown;
  }) => { status: number; body: unknown } | 'offline';
  readonly storage?: Readonly<Record<string, string>>;
}

export interface PageInstance {
  readonly route: string;
  data: Json;
  /** Every text in the rendered tree, in order. */
  texts(): string[];
  /** The rendered nodes of a kind (`video`, `image` …) with their attributes, in order. */
  nodes(kind: string): Json[];
  /** Taps the innermost node whose own text equals `text` (or its nearest tappable ancestor). */
  tap(text: string): void;
  unload(): void;
}

export interface Weapp {
  readonly calls: WxCall[];
  readonly sockets: FakeSocket[];
  readonly storage: Map<string, string>;
  openPage(route: string, query?: Readonly<Record<string, string>>): Promise<PageInstance>;
  settle(ms?: number): Promise<void>;
}

function setPath(target: Json, path: string, value: unknown): void {
  const keys = path
    .replace(/\[(\d+)\]/g, '$1')
    .split('.')
    .filter(Boolean);
  let node: Json = target;
  keys.forEach((key, i) => {
    if (i === keys.length - 1) node[key] = value;
    else {
      if (typeof node[key] !== 'object' || node[key] === null) node[key] = /^\d+$/.test(keys[i + 1] ?? '') ? [] : {};
      node = node[key] as Json;
    }
  });
}

interface TreeNode {
  sid?: string;
  v?: string;
  cn?: TreeNode[];
  nn?: string;
}

/**
 * How Taro's compressed tree reads: base.wxml has one template per element kind (`tmpl_0_81` renders `<video
 * src="{{i.p41}}" …>`), so node `nn: "81"` is a video and its `p41` is its `src`.
 */
interface ElementTemplate {
  readonly tag: string;
  /** Attribute name → the node's property holding it. */
  readonly attributes: ReadonlyMap<string, string>;
}

function elementTemplates(dist: string): Map<string, ElementTemplate> {
  const wxml = readFileSync(join(dist, 'base.wxml'), 'utf8');
  const out = new Map<string, ElementTemplate>();
  for (const m of wxml.matchAll(/<template name="tmpl_0_(\w+)">\s*<([a-z-]+)([^>]*)>/g)) {
    const attributes = new Map<string, string>();
    for (const a of (m[3] ?? '').matchAll(/([a-z-]+)="\{\{(?:xs\.b\()?i\.(p\d+)/g))
      attributes.set(a[1] ?? '', a[2] ?? '');
    out.set(m[1] ?? '', { tag: m[2] ?? '', attributes });
  }
  return out;
}

function collectNodes(
  node: TreeNode | undefined,
  kind: string,
  templates: ReadonlyMap<string, ElementTemplate>,
  out: Json[],
): Json[] {
  if (!node) return out;
  const template = node.nn === undefined ? undefined : templates.get(node.nn);
  if (template?.tag === kind) {
    const raw = node as Json;
    out.push(Object.fromEntries([...template.attributes].map(([name, key]) => [name, raw[key]])));
  }
  for (const child of node.cn ?? []) collectNodes(child, kind, templates, out);
  return out;
}

function collectTexts(node: TreeNode | undefined, out: string[]): string[] {
  if (!node) return out;
  if (typeof node.v === 'string' && node.v.trim()) out.push(node.v);
  for (const child of node.cn ?? []) collectTexts(child, out);
  return out;
}

/** The path of nodes from the root down to the first node whose text is exactly `text`. */
function findPath(node: TreeNode, text: string, trail: TreeNode[] = []): TreeNode[] | null {
  const here = [...trail, node];
  if (node.v === text) return here;
  for (const child of node.cn ?? []) {
    const found = findPath(child, text, here);
    if (found) return found;
  }
  return null;
}

export function loadWeapp(dist: string, options: WeappOptions = {}): Weapp {
  const calls: WxCall[] = [];
  const sockets: FakeSocket[] = [];
  const storage = new Map<string, string>(Object.entries(options.storage ?? {}));
  let app: Json | null = null;
  const pageConfigs = new Map<string, Json>();
  const stack: Json[] = [];

  const done = (o: Callbacks, res: unknown) =>
    setTimeout(() => {
      o.success?.(res);
      o.complete?.(res);
    }, 0);
  const fail = (o: Callbacks, err: unknown) =>
    setTimeout(() => {
      o.fail?.(err);
      o.complete?.(err);
    }, 0);

  const known: Json = {
    request(o: Json & Callbacks) {
      const answer =
        options.answer?.({ url: String(o.url), method: String(o.method ?? 'GET'), data: o.data }) ?? 'offline';
      if (answer === 'offline') fail(o, { errMsg: 'request:fail' });
      else
        done(o, {
          statusCode: answer.status,
          header: { 'content-type': 'application/json' },
          data: JSON.stringify(answer.body),
        });
      return { abort() {} };
    },
    connectSocket(o: Json & Callbacks) {
      const socket: FakeSocket = { url: String(o.url), protocols: (o.protocols as string[]) ?? [], sent: [] };
      sockets.push(socket);
      done(o, { errMsg: 'connectSocket:ok' });
      const noop = () => {};
      return {
        send: (s: Json) => socket.sent.push(s.data),
        close: noop,
        onOpen: noop,
        onClose: noop,
        onError: noop,
        onMessage: noop,
      };
    },
    getStorage(o: Json & Callbacks) {
      const key = String(o.key);
      if (storage.has(key)) done(o, { data: storage.get(key) });
      else fail(o, { errMsg: 'getStorage:fail data not found' });
    },
    setStorage(o: Json & Callbacks) {
      storage.set(String(o.key), String(o.data));
      done(o, {});
    },
    removeStorage(o: Json & Callbacks) {
      storage.delete(String(o.key));
      done(o, {});
    },
    getStorageSync: (key: string) => storage.get(key) ?? '',
    setStorageSync: (key: string, value: string) => void storage.set(key, value),
    removeStorageSync: (key: string) => void storage.delete(key),
    getNetworkType: (o: Callbacks) => done(o, { networkType: 'wifi' }),
    onNetworkStatusChange() {},
    getSystemInfoSync: () => ({
      platform: 'devtools',
      windowWidth: 375,
      windowHeight: 667,
      pixelRatio: 2,
      SDKVersion: '3.0.0',
    }),
    nextTick: (fn: () => void) => setTimeout(fn, 0),
    canIUse: () => true,
    login: (o: Callbacks) => done(o, { code: 'wx-code' }),
    navigateTo: (o: Callbacks) => done(o, {}),
    redirectTo: (o: Callbacks) => done(o, {}),
    navigateBack: (o: Callbacks) => done(o, {}),
    switchTab: (o: Callbacks) => done(o, {}),
    showToast: (o: Callbacks) => done(o, {}),
  };
  const wx = new Proxy(known, {
    get(target, key) {
      if (typeof key !== 'string') return undefined;
      // Object's own methods (hasOwnProperty …) behave as on any object; unknown wx APIs read as undefined.
      if (!Object.hasOwn(target, key)) return key in Object.prototype ? Reflect.get(target, key) : undefined;
      const value = target[key];
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        calls.push({ api: key, options: (args[0] ?? {}) as Json });
        return (value as (...a: unknown[]) => unknown)(...args);
      };
    },
    set(target, key, value) {
      target[String(key)] = value;
      return true;
    },
  });

  // The mini-program globals (`App`, `Page`, `Component` …) the built files call.
  const globals: Record<string, unknown> = {
    wx,
    console,
    setTimeout,
    clearTimeout,
    setInterval,
    clearInterval,
    queueMicrotask,
    Promise,
    getApp: () => app,
    getCurrentPages: () => stack,
    requirePlugin: () => ({}),
  };
  globals.App = (config: Json) => {
    app = config;
  };
  globals.Page = (config: Json) => {
    pageConfigs.set(currentRoute, config);
  };
  globals.Component = () => {};
  globals.Behavior = (b: unknown) => b;
  const context = vm.createContext(globals);

  const cache = new Map<string, unknown>();
  let currentRoute = '';
  function load(file: string): unknown {
    const path = normalize(file.endsWith('.js') ? file : `${file}.js`);
    if (cache.has(path)) return (cache.get(path) as { exports: unknown }).exports;
    const module = { exports: {} };
    cache.set(path, module);
    const code = readFileSync(path, 'utf8');
    const fn = vm.runInContext(`(function (require, module, exports) {${code}\n})`, context, { filename: path });
    fn((p: string) => load(join(dirname(path), p)), module, module.exports);
    return module.exports;
  }

  load(join(dist, 'app.js'));
  (app as unknown as { onLaunch?: (o: unknown) => void })?.onLaunch?.({
    path: 'pages/scan/index',
    query: {},
    scene: 1001,
  });

  async function settle(ms = 50) {
    for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, ms / 5));
  }

  return {
    calls,
    sockets,
    storage,
    settle,
    async openPage(route, query = {}) {
      currentRoute = route;
      load(join(dist, `${route}.js`));
      const config = pageConfigs.get(route);
      if (!config) throw new Error(`${route} did not call Page()`);
      const page = Object.create(config) as Json & { data: Json };
      page.data = JSON.parse(JSON.stringify(config.data ?? {}));
      page.route = route;
      page.__route__ = route;
      page.options = query;
      page.setData = (patch: Json, cb?: () => void) => {
        for (const [k, v] of Object.entries(patch)) setPath(page.data, k, v);
        if (cb) setTimeout(cb, 0);
      };
      stack.push(page);
      const call = (name: string, ...args: unknown[]) =>
        (page[name] as ((...a: unknown[]) => void) | undefined)?.apply(page, args);
      call('onLoad', query);
      call('onShow');
      call('onReady');
      await settle();
      return {
        route,
        get data() {
          return page.data;
        },
        set data(d) {
          page.data = d;
        },
        texts: () => collectTexts(page.data.root as TreeNode, []),
        nodes: (kind) => collectNodes(page.data.root as TreeNode, kind, elementTemplates(dist), []),
        tap(text) {
          const trail = findPath(page.data.root as TreeNode, text);
          if (!trail) throw new Error(`no node with text ${text}`);
          for (const node of [...trail].reverse()) {
            // Text nodes are not bound in the templates; the tap lands on the element around them.
            if (!node.sid || node.v !== undefined) continue;
            const target = { id: node.sid, dataset: { sid: node.sid } };
            call('eh', { type: 'tap', timeStamp: Date.now(), target, currentTarget: target, detail: {} });
            return;
          }
        },
        unload() {
          call('onUnload');
          stack.splice(stack.indexOf(page), 1);
        },
      };
    },
  };
}
