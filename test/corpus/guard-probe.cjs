/**
 * Probe for the network-guard test. It first replaces every way out (socket connect, DNS lookup,
 * fetch) with stubs that only record the attempt and fail, so nothing can leave this machine
 * even if the guard were broken; then it loads the guard (path in argv[2]) on top of the stubs
 * and tries to reach outside addresses and loopback. It prints, as JSON, the error each attempt
 * got and which attempts got through the guard to the stubs.
 */
"use strict";
const net = require("node:net");
const dns = require("node:dns");
const http = require("node:http");

const reached = [];
net.Socket.prototype.connect = function stubConnect(options) {
  reached.push(`connect ${options?.host ?? options?.[0]?.host ?? "?"}`);
  process.nextTick(() => this.destroy(new Error("stub: no real connection")));
  return this;
};
dns.lookup = (host, ...rest) => {
  reached.push(`lookup ${host}`);
  process.nextTick(() => rest[rest.length - 1](new Error("stub: no real lookup")));
};
globalThis.fetch = async (input) => {
  reached.push(`fetch ${input}`);
  throw new Error("stub: no real fetch");
};
require(process.argv[2]);

const settle = (start) =>
  new Promise((resolve) => {
    start((error) => resolve({ code: error?.code, status: error?.status, message: String(error?.message) }));
  });

async function main() {
  const attempts = {
    httpToAddress: await settle((done) => http.get("http://192.0.2.10/").on("error", done)),
    netToName: await settle((done) => net.connect(443, "example.invalid").on("error", done)),
    fetchToName: await settle((done) => fetch("https://example.invalid/data.json").then(() => done(), done)),
    lookupOfName: await settle((done) => dns.lookup("example.invalid", (error) => done(error))),
    httpToLoopback: await settle((done) => http.get("http://127.0.0.1:9/").on("error", done)),
  };
  process.stdout.write(JSON.stringify({ attempts, reached }));
}
main();
