// Resolves the workspace's `@yikouban/<lib>` imports to the compiled libs in dist/ at run time,
// the same mapping tsconfig.base.json gives the compiler.
const Module = require('node:module');
const path = require('node:path');
const dist = path.resolve(__dirname, '..', 'dist', 'libs');
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  const m = /^@yikouban\/([a-z-]+)$/.exec(request);
  if (m) return resolve.call(this, path.join(dist, m[1], 'src', 'index.js'), ...rest);
  return resolve.call(this, request, ...rest);
};
