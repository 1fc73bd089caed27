import path from 'node:path';
import { defineConfig, type UserConfigExport } from '@tarojs/cli';

const root = path.resolve(__dirname, '..');
const sdkSrc = path.resolve(root, '../sdk/src');

const NODE_MODULES = /[\\/]node_modules[\\/]/;
/** Taro's runtime and router: in the entry, as Taro itself splits them. */
const TARO_RUNTIME = /@tarojs[\\/][a-z]+/;
/** Only the live-video player loads it, and only when a venue has a stream: its own lazy chunk. */
const HLS = /[\\/]hls\.js[\\/]/;
/**
 * What only operator pages use: the operator client, ledger forms. (The SDK's MQTT code stays shared: the module
 * that makes the consumer client imports it, and a shared module must not wait on an operator chunk.)
 */
const OPERATOR_ONLY = [
  path.join(root, 'src', 'operator'),
  path.join(root, 'src', 'ledger-form'),
  path.join(root, 'src', 'components', 'ledger-field'),
];
/** What only the training pages use (the subpackage and the SDK's `./training` entry): one lazy chunk. */
const TRAINING_ONLY = [path.join(root, 'src', 'training'), path.join(sdkSrc, 'training')];
/** What only the regulator pages use (the subpackage and the SDK's `./warehouse` entry, for the plan): one lazy chunk. */
const REGULATOR_ONLY = [path.join(root, 'src', 'regulator'), path.join(sdkSrc, 'warehouse')];
/** Our code any page may use. */
const SHARED = [path.join(root, 'src', 'lib'), path.join(root, 'src', 'components'), sdkSrc];

type ChunkModule = { resource?: string; context?: string | null };
const under = (dirs: readonly string[], m: ChunkModule) => dirs.some((d) => (m.resource ?? '').startsWith(d));

/**
 * H5 chunks. Taro splits only the entry's modules, so every page chunk carried its own copy of the component
 * wrappers, the SDK and valibot (~190 KB a page). Here what every page shares — libraries and our lib/, components/
 * and SDK — is one `vendors` chunk, named in index.html and so fetched in parallel with the app at the first
 * visit and cached (content hash) after; what only operator pages share is one lazy `operator` chunk; a page
 * chunk keeps only the page.
 */
const h5SplitChunks = {
  chunks: 'all' as const,
  minSize: 0,
  hidePathInfo: true,
  cacheGroups: {
    default: false as const,
    defaultVendors: false as const,
    taro: {
      name: 'taro',
      chunks: 'initial' as const,
      test: (m: ChunkModule) => TARO_RUNTIME.test(m.context ?? ''),
      priority: 100,
    },
    training: {
      name: 'training',
      chunks: 'async' as const,
      test: (m: ChunkModule) => under(TRAINING_ONLY, m),
      priority: 40,
    },
    regulator: {
      name: 'regulator',
      chunks: 'async' as const,
      test: (m: ChunkModule) => under(REGULATOR_ONLY, m),
      priority: 35,
    },
    operator: {
      name: 'operator',
      chunks: 'async' as const,
      minChunks: 2,
      test: (m: ChunkModule) => under(OPERATOR_ONLY, m),
      priority: 30,
    },
    vendors: {
      name: 'vendors',
      chunks: 'all' as const,
      test: (m: ChunkModule) =>
        (NODE_MODULES.test(m.resource ?? '') && !HLS.test(m.resource ?? '')) || under(SHARED, m),
      priority: 20,
    },
  },
};

/**
 * One source, two targets: `taro build --type weapp` → dist/, `--type h5` → dist-h5/ (served by the server at /app/).
 * The SDK is compiled from its TypeScript source, so the app never waits for (or ships a stale) SDK build.
 */
export default defineConfig<'webpack5'>(() => {
  const h5 = process.env.TARO_ENV === 'h5';
  const config: UserConfigExport<'webpack5'> = {
    projectName: 'brightkitchen',
    date: '2025-01-01',
    designWidth: 750,
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    // BK_MP_OUT: build elsewhere (the h5 test builds beside dist-h5 and swaps, so a running server never serves half a build).
    outputRoot: process.env.BK_MP_OUT || (h5 ? 'dist-h5' : 'dist'),
    plugins: [],
    defineConstants: {
      // The API the weapp talks to (the h5 app uses the origin that served it).
      BK_API_BASE: JSON.stringify(process.env.BK_API_BASE ?? ''),
      BK_REALTIME_URL: JSON.stringify(process.env.BK_REALTIME_URL ?? ''),
    },
    alias: {
      '@brightkitchen/sdk/taro$': path.resolve(sdkSrc, 'taro/index.ts'),
      '@brightkitchen/sdk/training$': path.resolve(sdkSrc, 'training/index.ts'),
      '@brightkitchen/sdk/warehouse$': path.resolve(sdkSrc, 'warehouse/index.ts'),
      '@brightkitchen/sdk$': path.resolve(sdkSrc, 'index.ts'),
    },
    framework: 'react',
    compiler: 'webpack5',
    cache: { enable: false },
    logger: { quiet: true, stats: false },
    mini: {
      // Compile the SDK's TypeScript source with the app's Babel.
      compile: { include: [sdkSrc] },
      // Template depth before Taro falls back to a recursive component (untyped option): smaller base.wxml.
      ...({ baseLevel: 8 } as object),
      postcss: { pxtransform: { enable: true, config: {} }, cssModules: { enable: false } },
      webpackChain(chain) {
        chain.resolve.merge({ extensionAlias: { '.js': ['.ts', '.tsx', '.js'] } });
        chain.resolve.modules.add('node_modules');
        // Without scope hoisting each SDK module stays separate, so what only the operator pages use (ledger rules)
        // moves to the operator subpackage instead of riding in the main package's common chunk.
        chain.optimization.concatenateModules(false);
      },
    },
    h5: {
      compile: { include: [sdkSrc] },
      publicPath: '/app/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      output: { filename: 'js/[name].[contenthash:8].js', chunkFilename: 'js/[name].[chunkhash:8].js' },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[chunkhash:8].css',
      },
      postcss: { autoprefixer: { enable: true, config: {} }, cssModules: { enable: false } },
      webpackChain(chain) {
        chain.resolve.merge({ extensionAlias: { '.js': ['.ts', '.tsx', '.js'] } });
        chain.resolve.modules.add('node_modules');
        chain.optimization.splitChunks(h5SplitChunks);
      },
    },
  };
  return config;
});
