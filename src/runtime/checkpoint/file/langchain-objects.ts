/**
 * LangChain objects in FileSaver: the messages of almost every agent (`HumanMessage`, `AIMessage`,
 * `ToolMessage`, ...) and the other classes of `@langchain/core` that describe themselves the
 * LangChain way: `lc_serializable` and a `toJSON()` answering `{lc: 1, type: "constructor", id,
 * kwargs}`. One is stored as its class id and constructor fields, and comes back as an instance of
 * the same class, built with those fields. The engine does not depend on `@langchain/core`: the
 * class is the one met while encoding (this process wrote it), or else the one the program's own
 * `@langchain/core` exports under that id (a fresh process reading an old thread). When neither is
 * found (a process without `@langchain/core`, such as the editor reading a store), the fields come
 * back as a plain object with `lc_id`, so the value can still be shown.
 */
import { LangChainClass, langChainClass, rememberLangChainClass } from "../../langchain-classes";
import type { StorableType } from "./codec";

interface LangChainJSON {
  lc: number;
  type: string;
  id: string[];
  kwargs?: Record<string, unknown>;
}

interface Stored {
  id: string[];
  kwargs: Record<string, unknown>;
}

export const LANGCHAIN_OBJECT: StorableType = {
  name: "LangChain",
  is: (value) => constructorForm(value) !== undefined,
  toJSON: (value) => {
    const json = constructorForm(value)!;
    rememberLangChainClass(json.id, (value as { constructor: LangChainClass }).constructor);
    return { id: json.id, kwargs: json.kwargs ?? {} } satisfies Stored;
  },
  fromJSON: (json) => {
    const { id, kwargs } = json as Stored;
    const found = langChainClass(id);
    return found ? new found(kwargs) : { lc_id: id, ...kwargs };
  },
};

/** The `{lc: 1, type: "constructor"}` form of a serializable LangChain object, or undefined for anything else. */
function constructorForm(value: unknown): LangChainJSON | undefined {
  const candidate = value as { lc_serializable?: unknown; toJSON?: unknown };
  if (candidate.lc_serializable !== true || typeof candidate.toJSON !== "function") return undefined;
  const json = (candidate.toJSON as () => LangChainJSON)();
  return json?.lc === 1 && json.type === "constructor" && Array.isArray(json.id) ? json : undefined;
}
