import path from 'node:path';
import { defineConfig, type UserConfigExport } from '@tarojs/cli';

const root = path.resolve(__dirname, '..');
const sdkSrc = path.resolve(root, '../sdk/src');

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
        if (process.env.BK_ANALYZE) {
          chain.plugin('analyze').use(class {
            apply(compiler: any) {
              compiler.hooks.done.tap('analyze', (stats: any) => {
                const j = stats.toJson({ chunks: true, chunkModules: true, modules: false, assets: false });
                const out = j.chunks.map((c: any) => ({ id: c.id, names: c.names, initial: c.initial, size: c.size, files: c.files,
                  modules: (c.modules ?? []).map((m: any) => [m.size, m.name]).sort((a: any, b: any) => b[0] - a[0]).slice(0, 40) }));
                require('node:fs').writeFileSync(process.env.BK_ANALYZE as string, JSON.stringify(out, null, 1));
              });
            }
          });
        }
      },
    },
  };
  return config;
});
