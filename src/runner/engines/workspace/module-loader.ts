/**
 * Loads the user's graph file the way `tsx` runs it: TypeScript or JavaScript, ES module or
 * CommonJS by the usual rules, `tsconfig` paths honoured, top-level `await` where the file is an ES
 * module. tsx's loader hooks are registered once in this process, from the tsx that ships with the
 * extension; nothing of the user's code is bundled or rewritten, so it runs on the packages of its
 * own workspace. A CommonJS module's exports come as the namespace's `default`; both are read.
 */
import { createRequire } from "node:module";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import { GraphLoadError, describeBuildFailure, topLevelFailure } from "../program-exports";

interface TsxApi {
  register(options?: { tsconfig?: string | false }): unknown;
}

let registered: Promise<void> | undefined;

/** Registers tsx's ESM and CommonJS hooks in this process (once). */
function registerTsx(): Promise<void> {
  registered ??= (async () => {
    const ownRequire = createRequire(__filename);
    const tsxDir = path.dirname(ownRequire.resolve("tsx/package.json"));
    // tsx's ESM API must be imported as ESM: its CommonJS build resolves its hooks from the wrong folder.
    const esm = (await import(pathToFileURL(path.join(tsxDir, "dist", "esm", "api", "index.mjs")).href)) as TsxApi;
    esm.register();
    (ownRequire("tsx/cjs/api") as TsxApi).register();
  })();
  return registered;
}

/** Imports `file` (any built dependency of the user's, or the graph file itself) through tsx. */
export async function importModule(file: string | URL): Promise<Record<string, unknown>> {
  await registerTsx();
  const url = typeof file === "string" ? pathToFileURL(file).href : file.href;
  return (await import(url)) as Record<string, unknown>;
}

/** The graph file's exports: its namespace, with a CommonJS module's `module.exports` spread in. */
export async function loadProgram(program: string): Promise<Record<string, unknown>> {
  let namespace: Record<string, unknown>;
  try {
    namespace = await importModule(program);
  } catch (error) {
    if ((error as { name?: string }).name === "TransformError") throw new GraphLoadError(describeBuildFailure(program, error));
    throw missingImport(program, error) ?? topLevelFailure(program, error);
  }
  const fromCommonJs = namespace.default;
  if (typeof fromCommonJs === "object" && fromCommonJs !== null && Object.getPrototypeOf(fromCommonJs) === Object.prototype) {
    const { default: _exports, ...named } = namespace;
    return { ...(fromCommonJs as Record<string, unknown>), ...named };
  }
  return namespace;
}

/** An import that cannot be found, said with the package and the folder it was looked up from. */
function missingImport(program: string, error: unknown): GraphLoadError | undefined {
  const { code, message } = error as NodeJS.ErrnoException;
  if (code !== "ERR_MODULE_NOT_FOUND" && code !== "MODULE_NOT_FOUND") return undefined;
  const name = /Cannot find (?:package|module) '([^']+)'/.exec(message)?.[1] ?? "a module";
  const from = /imported from (\S+)/.exec(message)?.[1] ?? /Require stack:\n- (\S+)/.exec(message)?.[1] ?? program;
  return new GraphLoadError(
    `${path.basename(program)} could not load "${name}": it is not installed where ${path.basename(from)} looks for it ` +
      `(from ${path.dirname(from)}). Install it in that folder's project (npm install ${name.startsWith(".") || name.startsWith("/") ? "" : name}) or fix the import.`,
  );
}
