/**
 * The fakes one corpus run needs, started together: the fake model server with the entry's
 * script, a seeded fake Elasticsearch when the entry uses one, and the child environment that
 * points every SDK at them with no real credentials. A debugger run of a corpus graph can start
 * the same services and pass `env` and `NODE_GUARD_ARGS` to its runner.
 */
import path from "node:path";
import { makeScript } from "../helpers/fake-models/default-script";
import { startFakeElasticsearch, type FakeElasticsearch } from "../helpers/fake-models/elasticsearch";
import { childEnv, fakeModelEnv } from "../helpers/fake-models/env";
import { startFakeModelServer } from "../helpers/fake-models/server";
import type { ModelScript, RecordedCall } from "../helpers/fake-models/types";
import type { CorpusEntry } from "../fixtures/corpus/manifest-types";

export const NETWORK_GUARD = path.join(__dirname, "..", "helpers", "fake-models", "network-guard.cjs");

/** Node flags every corpus process runs with: the network guard, loaded before anything else. */
export const NODE_GUARD_ARGS = ["--require", NETWORK_GUARD];

export interface CorpusServices {
  env: Record<string, string>;
  calls: RecordedCall[];
  elastic?: FakeElasticsearch;
  close(): Promise<void>;
}

export async function startCorpusServices(entry: CorpusEntry, script?: ModelScript): Promise<CorpusServices> {
  const models = await startFakeModelServer({ script: script ?? makeScript(entry.script) });
  const elastic = entry.elasticsearch ? await startFakeElasticsearch(entry.elasticsearch) : undefined;
  return {
    env: childEnv({ ...fakeModelEnv(models.url), ...elastic?.env }),
    calls: models.calls,
    elastic,
    close: async () => {
      await models.close();
      await elastic?.close();
    },
  };
}
