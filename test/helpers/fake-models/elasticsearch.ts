/**
 * A fake Elasticsearch on 127.0.0.1, just enough for LangChain's ElasticVectorSearch as the
 * retrieval templates use it: index exists / create, `_bulk` indexing, and `_search` with a
 * `knn` query (l2 distance scored as ES does, 1 / (1 + d²)) and term filters on metadata. It
 * answers with the `x-elastic-product` header the official client checks. Seed documents are
 * embedded with the fake model server's embedding function, so scripted queries find them.
 */
import http from "node:http";
import { embedText } from "./embeddings";
import { listenOnLoopback, readBody, sendJson } from "./http-util";
import type { JsonValue } from "./types";

export interface SeedDocument {
  text: string;
  metadata: { [key: string]: JsonValue };
}

export interface ElasticSeed {
  index: string;
  documents: SeedDocument[];
}

interface Stored {
  id: string;
  source: { text: string; metadata: Record<string, JsonValue>; embedding: number[] };
}

export interface FakeElasticsearch {
  url: string;
  indices: Map<string, Stored[]>;
  /** The variables the templates' retrieval code reads (both auth styles). */
  env: Record<string, string>;
  close(): Promise<void>;
}

const PRODUCT = { "x-elastic-product": "Elasticsearch" };

export async function startFakeElasticsearch(seed?: ElasticSeed): Promise<FakeElasticsearch> {
  const indices = new Map<string, Stored[]>();
  if (seed) indices.set(seed.index, seed.documents.map((d, i) => ({ id: `seed-${i}`, source: { ...d, embedding: embedText(d.text) } })));
  const server = http.createServer((req, res) => {
    void handle(req, res, indices).catch((error: Error) => sendJson(res, 500, { error: { type: "fake_error", reason: error.message } }, PRODUCT));
  });
  const listening = await listenOnLoopback(server);
  const env = {
    ELASTICSEARCH_URL: listening.url,
    ELASTICSEARCH_API_KEY: "fake-corpus-key",
    ELASTICSEARCH_USER: "elastic",
    ELASTICSEARCH_PASSWORD: "fake-corpus-password",
  };
  return { url: listening.url, indices, env, close: listening.close };
}

async function handle(req: http.IncomingMessage, res: http.ServerResponse, indices: Map<string, Stored[]>) {
  const url = new URL(req.url ?? "/", "http://127.0.0.1");
  const [first, second] = url.pathname.split("/").filter(Boolean).map(decodeURIComponent);
  const body = await readBody(req);
  if (first === "_bulk") return sendJson(res, 200, bulk(body, indices), PRODUCT);
  if (!first) return sendJson(res, 200, { name: "fake", version: { number: "8.19.2" }, tagline: "You Know, for Search" }, PRODUCT);
  if (second === "_search") return search(res, indices.get(first), first, JSON.parse(body || "{}"));
  if (req.method === "HEAD") return headOnly(res, indices.has(first) ? 200 : 404);
  if (req.method === "PUT") {
    if (!indices.has(first)) indices.set(first, []);
    return sendJson(res, 200, { acknowledged: true, shards_acknowledged: true, index: first }, PRODUCT);
  }
  sendJson(res, 400, { error: { type: "fake_unsupported", reason: `${req.method} ${url.pathname}` }, status: 400 }, PRODUCT);
}

function headOnly(res: http.ServerResponse, status: number) {
  res.writeHead(status, { ...PRODUCT, "content-length": 0 });
  res.end();
}

function bulk(ndjson: string, indices: Map<string, Stored[]>) {
  const lines = ndjson.split("\n").filter((l) => l.trim()).map((l) => JSON.parse(l) as Record<string, Record<string, string>>);
  const items = [];
  for (let i = 0; i < lines.length; i++) {
    const [action, meta] = Object.entries(lines[i])[0];
    const docs = indices.get(meta._index) ?? [];
    indices.set(meta._index, docs);
    const rest = docs.filter((d) => d.id !== meta._id);
    if (action === "index" || action === "create") rest.push({ id: meta._id, source: lines[++i] as unknown as Stored["source"] });
    indices.set(meta._index, rest);
    items.push({ [action]: { _index: meta._index, _id: meta._id, status: action === "delete" ? 200 : 201, result: action === "delete" ? "deleted" : "created" } });
  }
  return { took: 1, errors: false, items };
}

interface Knn {
  query_vector: number[];
  k: number;
  filter?: { bool?: BoolFilter };
}
interface BoolFilter {
  must?: Clause[];
  must_not?: Clause[];
}
type Clause = Record<string, Record<string, JsonValue>>;

function search(res: http.ServerResponse, docs: Stored[] | undefined, index: string, query: { knn?: Knn; size?: number }) {
  if (!docs) return sendJson(res, 404, { error: { type: "index_not_found_exception", reason: `no such index [${index}]` }, status: 404 }, PRODUCT);
  const knn = query.knn;
  const hits = docs
    .filter((d) => matches(d, knn?.filter?.bool))
    .map((d) => ({ _index: index, _id: d.id, _score: knn ? score(knn.query_vector, d.source.embedding) : 1, _source: d.source }))
    .sort((a, b) => b._score - a._score || a._id.localeCompare(b._id))
    .slice(0, knn?.k ?? query.size ?? 10);
  const total = { value: hits.length, relation: "eq" };
  sendJson(res, 200, { took: 1, timed_out: false, _shards: { total: 1, successful: 1, skipped: 0, failed: 0 }, hits: { total, max_score: hits[0]?._score ?? null, hits } }, PRODUCT);
}

function score(a: number[], b: number[]): number {
  const squared = a.reduce((sum, x, i) => sum + (x - (b[i] ?? 0)) ** 2, 0);
  return 1 / (1 + squared);
}

function matches(doc: Stored, bool: BoolFilter | undefined): boolean {
  const all = (bool?.must ?? []).every((c) => holds(doc, c));
  return all && !(bool?.must_not ?? []).some((c) => holds(doc, c));
}

/** `term`, `terms` and `exists` on `metadata.<field>`: what buildMetadataTerms writes. */
function holds(doc: Stored, clause: Clause): boolean {
  const [kind, spec] = Object.entries(clause)[0];
  if (kind === "exists") return fieldOf(doc, String(spec.field)) !== undefined;
  const [field, wanted] = Object.entries(spec)[0];
  const actual = fieldOf(doc, field);
  if (kind === "terms") return Array.isArray(wanted) && wanted.includes(actual as JsonValue);
  return actual === wanted;
}

function fieldOf(doc: Stored, path: string): JsonValue | undefined {
  const key = path.replace(/^metadata\./, "");
  return doc.source.metadata?.[key];
}
