/**
 * Loads the two engines the differential suite compares. The real `@langchain/langgraph` is always
 * there (devDependency). Ours is loaded lazily from `src/runtime/index.ts`, because the suite was
 * written before the engine: when the file is missing the comparison is pending, and when a public
 * name is missing only the scenarios that read it fail, with a message naming it. Setting
 * DIFF_REAL_ONLY=1 runs the real library alone, to check scenarios against a new LangGraph version.
 */
import * as fs from "fs";
import * as path from "path";
import { GraphLib, PUBLIC_NAMES } from "./lib";

export const OUR_INDEX = path.resolve(__dirname, "../../../src/runtime/index.ts");

export async function loadReal(): Promise<GraphLib> {
  const lib: unknown = await import("@langchain/langgraph");
  return lib as GraphLib;
}

export type OurEngine = { lib: GraphLib } | { missing: string } | { brokenLoad: unknown };

/** Ours, or why it cannot be used: not written yet (missing) or failing to load (brokenLoad). */
export function loadOurs(): OurEngine {
  if (process.env.DIFF_REAL_ONLY) return { missing: "DIFF_REAL_ONLY is set" };
  if (!fs.existsSync(OUR_INDEX)) return { missing: `${path.relative(process.cwd(), OUR_INDEX)} does not exist yet` };
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the path may not exist at typecheck time
    const namespace: Record<string, unknown> = require(OUR_INDEX);
    return { lib: guardMissingExports(namespace) };
  } catch (error) {
    return { brokenLoad: error };
  }
}

/** Reading a public name ours does not export throws at once, instead of an obscure `undefined` later. */
function guardMissingExports(namespace: Record<string, unknown>): GraphLib {
  const publicNames = new Set<string>(PUBLIC_NAMES);
  return new Proxy(namespace, {
    get(target, name) {
      if (typeof name === "string" && publicNames.has(name) && target[name] === undefined) {
        throw new Error(`our runtime (src/runtime/index.ts) does not export "${name}"`);
      }
      return target[name as string];
    },
  }) as unknown as GraphLib;
}
