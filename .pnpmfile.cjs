// Native addons (better-sqlite3) fall back to compiling with node-gyp when no prebuilt binary can be
// downloaded, and node-gyp then downloads Node's headers. Point it at the headers installed beside the running
// node instead, so an install works on a machine that reaches only the npm registry.
const fs = require('fs');
const path = require('path');

const prefix = path.dirname(path.dirname(process.execPath));
const hasHeaders = fs.existsSync(path.join(prefix, 'include', 'node', 'node_api.h'));

module.exports = {
  hooks: {
    updateConfig(config) {
      if (!hasHeaders || process.env.npm_config_nodedir) return config;
      return { ...config, extraEnv: { ...config.extraEnv, npm_config_nodedir: prefix } };
    },
  },
};
