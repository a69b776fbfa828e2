/**
 * Network guard for corpus runs, loaded with `node --require <this file>`: any outgoing
 * connection to an address outside loopback fails at once with a clear error, before a DNS
 * lookup or a packet. Corpus graphs are other people's code; a tool that would reach the
 * internet (a search API, say) must fail loudly here instead of sending traffic.
 *
 * Every TCP and TLS client in Node (http, https, undici's global fetch, database drivers) ends in
 * `net.Socket.prototype.connect`, so that is where connections are refused; `dns.lookup` is
 * refused for outside names too, so nothing resolves them either. Unix sockets and pipes stay
 * allowed. The global `fetch` is also refused up front, with an error that carries status 403:
 * a socket error inside fetch surfaces as a bare "fetch failed", which LangChain's AsyncCaller
 * retries with backoff for about a minute (@langchain/core fetches tiktoken's tables that way
 * whenever ChatOpenAI streams), while a 403 makes every retrying client give up at once.
 */
"use strict";
const net = require("node:net");
const dns = require("node:dns");

const LOOPBACK_NAMES = new Set(["localhost", "ip6-localhost", "ip6-loopback"]);
const reported = new Set();

function isLoopback(host) {
  const name = String(host ?? "localhost").replace(/^\[|\]$/g, "").toLowerCase();
  if (net.isIPv4(name)) return name.startsWith("127.");
  if (net.isIPv6(name)) return name === "::1" || /^::ffff:127\./.test(name);
  return LOOPBACK_NAMES.has(name) || name.endsWith(".localhost");
}

function refusal(host, port) {
  const where = port === undefined ? String(host) : `${host}:${port}`;
  const error = new Error(`network guard: refused an outgoing connection to ${where}; corpus runs may only reach 127.0.0.1`);
  error.code = "ENETWORKGUARD";
  if (!reported.has(where)) {
    reported.add(where);
    process.stderr.write(`[network-guard] blocked ${where}\n`);
  }
  return error;
}

/** The target of a connect call, in any of its forms: (options), (port, host), (path), or the normalised [options, cb]. */
function targetOf(args) {
  const first = Array.isArray(args[0]) ? args[0][0] : args[0];
  if (first !== null && typeof first === "object") return { host: first.host, port: first.port, path: first.path };
  if (typeof first === "string" && Number.isNaN(Number(first))) return { path: first };
  return { host: typeof args[1] === "string" ? args[1] : undefined, port: first };
}

const connect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function guardedConnect(...args) {
  const target = targetOf(args);
  // As net itself decides: a truthy `path` is a pipe; http's agent leaves `path: null` on TCP.
  if (!target.path && !isLoopback(target.host)) {
    const error = refusal(target.host ?? "localhost", target.port);
    process.nextTick(() => this.destroy(error));
    return this;
  }
  return connect.apply(this, args);
};

const lookup = dns.lookup;
dns.lookup = function guardedLookup(hostname, ...rest) {
  if (isLoopback(hostname)) return lookup.call(this, hostname, ...rest);
  const callback = rest[rest.length - 1];
  const error = refusal(hostname);
  if (typeof callback === "function") process.nextTick(() => callback(error));
  else throw error;
};

const lookupPromise = dns.promises.lookup;
dns.promises.lookup = async function guardedLookupPromise(hostname, ...rest) {
  if (!isLoopback(hostname)) throw refusal(hostname);
  return lookupPromise.call(this, hostname, ...rest);
};

const originalFetch = globalThis.fetch;
if (typeof originalFetch === "function") {
  globalThis.fetch = function guardedFetch(input, init) {
    const url = new URL(typeof input === "string" || input instanceof URL ? String(input) : input.url);
    if (isLoopback(url.hostname)) return originalFetch.call(this, input, init);
    const error = refusal(url.hostname, url.port || (url.protocol === "https:" ? 443 : 80));
    error.status = 403;
    return Promise.reject(error);
  };
}
