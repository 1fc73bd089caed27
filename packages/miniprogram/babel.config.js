// babel-preset-taro: https://docs.taro.zone/docs/next/babel-config
const path = require('node:path');

// The SDK's TypeScript uses `declare` class fields; the TypeScript transform must strip them before the preset's
// class-properties plugin sees them, so SDK files get it as a plugin (plugins run before presets).
const fromPreset = (name, base) => require.resolve(name, { paths: [path.dirname(require.resolve(base))] });
const presetTs = fromPreset('@babel/preset-typescript', 'babel-preset-taro');
const transformTs = fromPreset('@babel/plugin-transform-typescript', presetTs);

module.exports = {
  presets: [['taro', { framework: 'react', ts: true, compiler: 'webpack5' }]],
  overrides: [
    {
      test: path.resolve(__dirname, '../sdk/src'),
      plugins: [[transformTs, { allowDeclareFields: true }]],
    },
  ],
};
