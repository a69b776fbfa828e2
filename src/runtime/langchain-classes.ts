/**
 * Finding a LangChain class by its id (`["langchain_core", "messages", "ToolMessage"]`) without the
 * engine depending on `@langchain/core`: the class met last in this process under that id, or the
 * one the program's own `@langchain/core` exports (looked up from where the program runs). FileSaver
 * uses it to build stored messages again, the prebuilt ToolNode to answer with real `ToolMessage`s.
 */
import { createRequire } from "node:module";
import * as path from "node:path";

export type LangChainClass = new (fields: unknown) => unknown;

const classesById = new Map<string, LangChainClass>();

export function rememberLangChainClass(id: readonly string[], found: LangChainClass): void {
  classesById.set(id.join("/"), found);
}

export function langChainClass(id: readonly string[]): LangChainClass | undefined {
  const key = id.join("/");
  if (!classesById.has(key)) {
    const found = fromProgramsLangChain(id);
    if (found) classesById.set(key, found);
  }
  return classesById.get(key);
}

/** `["langchain_core", "messages", "HumanMessage"]` is `HumanMessage` of `@langchain/core/messages`. */
function fromProgramsLangChain(id: readonly string[]): LangChainClass | undefined {
  if (id[0] !== "langchain_core" || id.length < 3) return undefined;
  const specifier = `@langchain/core/${id.slice(1, -1).join("/")}`;
  const bases = [require.main?.filename, path.join(process.cwd(), "package.json")].filter((base): base is string => !!base);
  for (const base of bases) {
    try {
      const exported = (createRequire(base)(specifier) as Record<string, unknown>)[id[id.length - 1]];
      if (typeof exported === "function") return exported as LangChainClass;
    } catch {
      // Not installed where this base looks: try the next one.
    }
  }
  return undefined;
}
