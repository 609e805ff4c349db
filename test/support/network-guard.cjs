// Preloaded into the language server by the protocol tests (node --require): every attempt to reach
// the network is refused and written, one line each, to the file named by KUBE_GUIDE_NETWORK_LOG.
'use strict';
const fs = require('node:fs');
const net = require('node:net');
const dns = require('node:dns');
const http = require('node:http');
const https = require('node:https');

const logFile = process.env.KUBE_GUIDE_NETWORK_LOG;
function refuse(what) {
  if (logFile) fs.appendFileSync(logFile, `${what}\n`);
  return new Error(`network access refused in tests: ${what}`);
}

const connect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function guardedConnect(...args) {
  const target = args[0];
  // A local IPC pipe path is not the network; everything else (host, port) is.
  if (target && typeof target === 'object' && typeof target.path === 'string') return connect.apply(this, args);
  if (typeof target === 'string' && !/^\d+$/.test(target)) return connect.apply(this, args);
  throw refuse(`socket connect ${JSON.stringify(target)}`);
};
for (const name of ['lookup', 'resolve', 'resolve4', 'resolve6']) {
  const original = dns[name];
  dns[name] = function guardedDns(host, ...rest) {
    refuse(`dns.${name} ${host}`);
    return original.call(this, 'invalid.invalid', ...rest);
  };
}
for (const [label, module] of [['http', http], ['https', https]]) {
  for (const name of ['request', 'get']) {
    module[name] = (...args) => {
      throw refuse(`${label}.${name} ${typeof args[0] === 'string' ? args[0] : JSON.stringify(args[0]?.host ?? args[0]?.hostname)}`);
    };
  }
}
if (typeof globalThis.fetch === 'function') {
  globalThis.fetch = (input) => Promise.reject(refuse(`fetch ${String(input)}`));
}
