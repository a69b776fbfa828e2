/**
 * The differential suite: every scenario runs on the real `@langchain/langgraph` and on our engine,
 * and what a user would observe must be the same, apart from the deliberate differences listed in
 * `differences.ts`. While `src/runtime/index.ts` does not exist (or DIFF_REAL_ONLY=1) the scenarios
 * run on the real library alone, which checks that each scenario itself works. SHOW_OBSERVATIONS=1
 * prints the real observation of each scenario, SHOW_OBSERVATIONS=both prints ours as well.
 */
import * as assert from "assert";
import { isDeepStrictEqual } from "util";
import { KNOWN_DIFFERENCES, knownDifference } from "./differences";
import { OurEngine, loadOurs, loadReal } from "./engines";
import { GraphLib, Scenario } from "./lib";
import { describeDivergences } from "./json-diff";
import { normalizeIds } from "./observe";
import { SCENARIO_FILES } from "./scenarios";

const ours: OurEngine = loadOurs();
const oursNote = "missing" in ours ? ` [real library only: ${ours.missing}]` : "";

async function observe(engine: string, scenario: Scenario, lib: GraphLib): Promise<unknown> {
  try {
    return normalizeIds(await scenario(lib));
  } catch (error) {
    const detail = error instanceof Error ? error.stack ?? error.message : String(error);
    throw new Error(`the scenario itself crashed on ${engine}: ${detail}`);
  }
}

function expectationFor(id: string, real: unknown): unknown {
  const difference = knownDifference(id);
  if (!difference) return real;
  const expected = difference.expectOurs(real);
  assert.notDeepStrictEqual(expected, real, `known difference "${id}" is stale: the real library now does what ours should`);
  return expected;
}

describe("differential: our engine against @langchain/langgraph 1.7.3", () => {
  let real: GraphLib;
  before(async () => {
    real = await loadReal();
  });

  for (const [file, scenarios] of Object.entries(SCENARIO_FILES)) {
    describe(file, () => {
      for (const [name, scenario] of Object.entries(scenarios)) {
        const id = `${file}/${name}`;
        it(`${name}${oursNote}`, async () => {
          const realObservation = await observe("@langchain/langgraph", scenario, real);
          if (process.env.SHOW_OBSERVATIONS) console.log(JSON.stringify(realObservation, null, 1));
          const expected = expectationFor(id, realObservation);
          if ("missing" in ours) return;
          if ("brokenLoad" in ours) throw new Error(`src/runtime/index.ts failed to load: ${String(ours.brokenLoad)}`);
          const ourObservation = await observe("our engine", scenario, ours.lib);
          if (process.env.SHOW_OBSERVATIONS === "both") console.log("OURS", JSON.stringify(ourObservation, null, 1));
          if (!isDeepStrictEqual(ourObservation, expected)) {
            const where = describeDivergences(expected, ourObservation);
            assert.fail(`${id}: ours observes something else than LangGraph.js\n${where}`);
          }
        });
      }
    });
  }

  it("lists known differences only for scenarios that exist", () => {
    const ids = Object.entries(SCENARIO_FILES).flatMap(([file, scenarios]) => Object.keys(scenarios).map((name) => `${file}/${name}`));
    const orphans = KNOWN_DIFFERENCES.map((d) => d.scenario).filter((id) => !ids.includes(id));
    assert.deepStrictEqual(orphans, []);
  });
});
