// better-sqlite3 compiles against Node's headers. pnpm 12 passes no `nodedir` from .npmrc to build scripts,
// so node-gyp would try to download the headers (this machine is offline). Where the machine has them
// (Debian's nodejs puts them under /usr/include/node), point node-gyp there; elsewhere change nothing.
const { existsSync } = require('node:fs');
const { dirname, join } = require('node:path');

function localNodeDir() {
  if (process.env.npm_config_nodedir) return process.env.npm_config_nodedir;
  // `<prefix>/include/node/node.h` beside the running node binary (<prefix>/bin/node).
  for (const prefix of [dirname(dirname(process.execPath)), '/usr']) {
    if (existsSync(join(prefix, 'include', 'node', 'node.h'))) return prefix;
  }
  return undefined;
}

module.exports = {
  hooks: {
    updateConfig(config) {
      const nodedir = localNodeDir();
      if (!nodedir) return config;
      return { ...config, extraEnv: { ...(config.extraEnv ?? {}), npm_config_nodedir: nodedir } };
    },
  },
};
