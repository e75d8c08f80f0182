/**
 * How many copies of axios this process has loaded: each copy is one module graph, entered by
 * one of axios's entry files (its CommonJS bundle `dist/node/axios.cjs`, its ES module
 * `index.js`, or another of its `dist/` builds). Counted from the scripts V8 has parsed, which
 * the inspector lists for ES modules and CommonJS alike (`require.cache` knows only the
 * latter). Used by test/smoke/dual-package.cjs and by the benchmark (bench/cold/startup.ts).
 */
const { Session } = require('node:inspector');

const AXIOS_ENTRY = /\/node_modules\/axios\/(?:index\.js|dist\/(?:[^/]+\/)?[^/]+\.[cm]?js)$/;

/** The axios entry files loaded so far, as URLs (`file://...`). */
function axiosEntriesLoaded() {
  const session = new Session();
  session.connect();
  const urls = [];
  // Enabling the debugger reports every script already parsed, at once.
  session.on('Debugger.scriptParsed', ({ params }) => urls.push(params.url));
  session.post('Debugger.enable');
  session.post('Debugger.disable');
  session.disconnect();
  return urls.filter((url) => AXIOS_ENTRY.test(url));
}

module.exports = { axiosEntriesLoaded };
