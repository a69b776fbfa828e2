/**
 * How FileSaver turns channel values into JSON and back. Plain JSON data is written as itself, so a
 * log stays readable; the values JSON cannot hold are written as small tagged objects,
 * `{"$type": "Date", "value": "2024-…"}`, and come back as the same kind of value: undefined (in
 * objects, arrays or alone), NaN, ±Infinity, -0, BigInt, Date, Map, Set, RegExp, Uint8Array,
 * Buffer, the built-in Error classes, null-prototype objects, our runtime's `Send`, `Command`, `Overwrite`
 * (and any object with `lg_name: "Send"`, as LangGraph's `Send`, which comes back as ours), LangChain
 * objects such as messages (langchain-objects.ts), plus the classes a user registers through `types`. Anything else (other class instances, functions,
 * symbols, symbol keys, cycles, and values nested deeper than `MAX_DEPTH`, which the log's JSON and
 * the readers' recursion could not take) is refused with an `UnstorableValueError` naming where it
 * sits, before anything is written, so nothing is ever stored changed and what was saved stays. A
 * plain object that happens to have a `$type` key is wrapped, so it cannot be mistaken for a tag.
 */
import { Command, Overwrite, Send, isOverwrite } from "../../types";
import { LANGCHAIN_OBJECT } from "./langchain-objects";

/** A class FileSaver may store: how to recognise it, and how to turn it into JSON and back. */
export interface StorableType {
  /** The tag written in the log: must not collide with the built-in ones below. */
  name: string;
  is(value: unknown): boolean;
  /** Returns plain data; it is encoded again, so it may hold any storable value. */
  toJSON(value: unknown): unknown;
  fromJSON(json: unknown): unknown;
}

const STORABLE_KINDS =
  `Values must be JSON data, undefined, BigInt, Date, Map, Set, ` +
  `RegExp, Uint8Array, Buffer, a built-in Error, Send, Command, Overwrite or a LangChain object (such as a message); store other classes as plain objects, ` +
  `or register them with the FileSaver option \`types\`.`;

export class UnstorableValueError extends Error {
  constructor(
    readonly path: string,
    what: string,
    fix = STORABLE_KINDS,
  ) {
    super(`FileSaver cannot store ${path}: ${what}. ${fix}`);
    this.name = "UnstorableValueError";
  }
}

/** How deep a stored value may nest (objects, arrays, and the forms of tagged values): far beyond real state, well within JSON.stringify. */
export const MAX_DEPTH = 1000;

/** Thrown where the nesting passes MAX_DEPTH; `encode` turns it into an error naming the channel. */
class TooDeep {}

const TAG = "$type";
/** Tags handled outside the type list: plain-data forms, and log-level references (log.ts WriteRef). */
const RESERVED = ["undefined", "number", "bigint", "Object", "NullPrototypeObject", "write"];
const ERROR_CLASSES: ErrorConstructor[] = [Error, TypeError, RangeError, SyntaxError, ReferenceError, EvalError, URIError];

interface Tagged {
  [TAG]: string;
  value?: unknown;
  [key: string]: unknown;
}

/** Built-in tags: kept to one place so encode and decode cannot drift apart. */
const BUILT_IN: StorableType[] = [
  { name: "Date", is: (v) => v instanceof Date, toJSON: (v) => dateToJSON(v as Date), fromJSON: (j) => new Date(j as string) },
  { name: "Map", is: (v) => v instanceof Map, toJSON: (v) => [...(v as Map<unknown, unknown>)], fromJSON: (j) => new Map(j as [unknown, unknown][]) },
  { name: "Set", is: (v) => v instanceof Set, toJSON: (v) => [...(v as Set<unknown>)], fromJSON: (j) => new Set(j as unknown[]) },
  {
    name: "RegExp",
    is: (v) => v instanceof RegExp,
    toJSON: (v) => ({ source: (v as RegExp).source, flags: (v as RegExp).flags }),
    fromJSON: (j) => new RegExp((j as RegExp).source, (j as RegExp).flags),
  },
  { name: "Buffer", is: (v) => Buffer.isBuffer(v), toJSON: (v) => (v as Buffer).toString("base64"), fromJSON: (j) => Buffer.from(j as string, "base64") },
  {
    name: "Uint8Array",
    is: (v) => v instanceof Uint8Array && Object.getPrototypeOf(v) === Uint8Array.prototype,
    toJSON: (v) => Buffer.from(v as Uint8Array).toString("base64"),
    fromJSON: (j) => new Uint8Array(Buffer.from(j as string, "base64")),
  },
  {
    name: "Error",
    is: (v) => v instanceof Error && ERROR_CLASSES.some((c) => Object.getPrototypeOf(v) === c.prototype),
    toJSON: (v) => errorToJSON(v as Error),
    fromJSON: (j) => errorFromJSON(j as ErrorJSON),
  },
  {
    name: "Send",
    is: (v) => v instanceof Send || (v as { lg_name?: unknown }).lg_name === "Send",
    toJSON: (v) => ({ node: (v as Send).node, args: (v as Send).args }),
    fromJSON: (j) => new Send((j as Send).node, (j as Send).args),
  },
  {
    name: "Command",
    is: (v) => v instanceof Command,
    toJSON: (v) => ({ resume: (v as Command).resume, update: (v as Command).update, goto: (v as Command).goto }),
    fromJSON: (j) => new Command(j as Command),
  },
  {
    name: "Overwrite",
    is: (v) => isOverwrite(v),
    toJSON: (v) => ({ value: (v as Overwrite).value }),
    fromJSON: (j) => new Overwrite((j as Overwrite).value),
  },
  LANGCHAIN_OBJECT,
];

/** Encodes and decodes values with the built-in tags and the user's own types. */
export class Codec {
  private readonly types: StorableType[];
  private readonly byName = new Map<string, StorableType>();

  /**
   * `otherClasses: "plain"` stores an instance of a class no type knows as the data it holds (its
   * `toJSON()`, else its own fields), coming back as a plain object: what LangGraph.js's own savers
   * do, which serialize state as JSON. Left out, such a value is refused with what to do instead.
   */
  constructor(userTypes: StorableType[] = [], private readonly otherClasses: "refuse" | "plain" = "refuse") {
    this.types = [...userTypes, ...BUILT_IN];
    for (const type of this.types) {
      if (this.byName.has(type.name) || RESERVED.includes(type.name)) throw new Error(`FileSaver option types: the tag "${type.name}" is taken.`);
      this.byName.set(type.name, type);
    }
  }

  /** JSON-ready form of `value`; throws UnstorableValueError naming `path` if it cannot round-trip. */
  encode(value: unknown, path: string): unknown {
    try {
      return this.encodeAt(value, path, new Set());
    } catch (error) {
      if (!(error instanceof TooDeep)) throw error;
      throw new UnstorableValueError(
        path,
        `its value is nested more than ${MAX_DEPTH} levels deep`,
        `Keep state flatter: for a chain or tree, store its items in a list or a map by id that refer to each other by id, instead of each inside the one before.`,
      );
    }
  }

  /** The value `encode` was given, rebuilt from its JSON form (which it reuses: pass a fresh parse). */
  decode(json: unknown): unknown {
    if (typeof json !== "object" || json === null) return json;
    if (Array.isArray(json)) {
      for (let i = 0; i < json.length; i++) json[i] = this.decode(json[i]);
      return json;
    }
    if (Object.prototype.hasOwnProperty.call(json, TAG)) return this.decodeTagged(json as Tagged);
    return this.decodeFields(json as Record<string, unknown>);
  }

  private decodeFields(object: Record<string, unknown>): Record<string, unknown> {
    for (const key of Object.keys(object)) setOwn(object, key, this.decode(object[key]));
    return object;
  }

  private encodeAt(value: unknown, path: string, parents: Set<object>): unknown {
    switch (typeof value) {
      case "string":
      case "boolean":
        return value;
      case "number":
        return Number.isFinite(value) && !Object.is(value, -0) ? value : { [TAG]: "number", value: String(value === 0 ? "-0" : value) };
      case "undefined":
        return { [TAG]: "undefined" };
      case "bigint":
        return { [TAG]: "bigint", value: value.toString() };
      case "function":
        throw new UnstorableValueError(path, `a function (${value.name || "anonymous"})`);
      case "symbol":
        throw new UnstorableValueError(path, `a symbol (${value.toString()})`);
    }
    if (value === null) return null;
    const object = value as object;
    if (parents.has(object)) throw new UnstorableValueError(path, "a circular reference");
    if (parents.size >= MAX_DEPTH) throw new TooDeep(); // before the call stack runs out: a RangeError would name nothing
    parents.add(object);
    try {
      return this.encodeObject(object, path, parents);
    } finally {
      parents.delete(object);
    }
  }

  private encodeObject(object: object, path: string, parents: Set<object>): unknown {
    const proto = Object.getPrototypeOf(object);
    if (Array.isArray(object) && proto === Array.prototype) {
      const out = new Array(object.length);
      for (let i = 0; i < object.length; i++) out[i] = this.encodeAt(object[i], `${path}[${i}]`, parents);
      return out;
    }
    if (proto === Object.prototype || proto === null) {
      const fields = this.encodeFields(object as Record<string, unknown>, path, parents);
      if (proto === null) return { [TAG]: "NullPrototypeObject", value: fields };
      return Object.prototype.hasOwnProperty.call(object, TAG) ? { [TAG]: "Object", value: fields } : fields;
    }
    const type = this.types.find((candidate) => candidate.is(object));
    if (!type && this.otherClasses === "plain") return this.encodeAt(dataOf(object), `${path}<${describeClass(object)}>`, parents);
    if (!type) throw new UnstorableValueError(path, `an instance of ${describeClass(object)}`);
    return { [TAG]: type.name, value: this.encodeAt(type.toJSON(object), `${path}<${type.name}>`, parents) };
  }

  private encodeFields(object: Record<string, unknown>, path: string, parents: Set<object>): Record<string, unknown> {
    const symbols = Object.getOwnPropertySymbols(object).filter((s) => Object.prototype.propertyIsEnumerable.call(object, s));
    if (symbols.length > 0) throw new UnstorableValueError(path, `an object with a symbol key (${symbols[0].toString()})`);
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(object)) setOwn(out, key, this.encodeAt(object[key], `${path}.${key}`, parents));
    return out;
  }

  private decodeTagged(tagged: Tagged): unknown {
    const name = tagged[TAG];
    switch (name) {
      case "undefined":
        return undefined;
      case "number":
        return tagged.value === "-0" ? -0 : Number(tagged.value);
      case "bigint":
        return BigInt(tagged.value as string);
      case "Object":
      case "NullPrototypeObject": {
        const fields = this.decodeFields(tagged.value as Record<string, unknown>);
        return name === "Object" ? fields : Object.assign(Object.create(null), fields);
      }
    }
    const type = this.byName.get(name);
    if (!type) throw new Error(`unknown value tag "${name}" (written with a FileSaver option \`types\` entry that is not registered now?)`);
    return type.fromJSON(this.decode(tagged.value));
  }
}

/** Sets a key even when it is `__proto__`, which plain assignment would turn into a prototype change. */
function setOwn(object: Record<string, unknown>, key: string, value: unknown): void {
  if (key === "__proto__") Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
  else object[key] = value;
}

function describeClass(object: object): string {
  const name = (object as { constructor?: { name?: string } }).constructor?.name;
  return name ? `class ${name}` : "an object with a custom prototype";
}

function dateToJSON(date: Date): string {
  return Number.isNaN(date.getTime()) ? "Invalid Date" : date.toISOString();
}

interface ErrorJSON {
  class: string;
  name: string;
  message: string;
  stack?: string;
  cause?: unknown;
  fields: Record<string, unknown>;
}

/** Keeps what an Error carries: its class, name, message, stack, cause and own fields (e.g. `code`). */
function errorToJSON(error: Error): ErrorJSON {
  const fields: Record<string, unknown> = {};
  for (const key of Object.keys(error)) if (key !== "name") setOwn(fields, key, (error as unknown as Record<string, unknown>)[key]);
  const json: ErrorJSON = { class: Object.getPrototypeOf(error).constructor.name, name: error.name, message: error.message, fields };
  if (error.stack !== undefined) json.stack = error.stack;
  if ("cause" in error) json.cause = error.cause;
  return json;
}

function errorFromJSON(json: ErrorJSON): Error {
  const ErrorClass = ERROR_CLASSES.find((c) => c.name === json.class) ?? Error;
  const error = "cause" in json ? new ErrorClass(json.message, { cause: json.cause }) : new ErrorClass(json.message);
  if (error.name !== json.name) error.name = json.name;
  if (json.stack === undefined) delete error.stack;
  else error.stack = json.stack;
  for (const key of Object.keys(json.fields)) setOwn(error as unknown as Record<string, unknown>, key, json.fields[key]);
  return error;
}

/** The data a class instance holds, as `JSON.stringify` would take it: its `toJSON()`, else its own fields. */
function dataOf(object: object): unknown {
  const withJson = object as { toJSON?: () => unknown };
  const json = typeof withJson.toJSON === "function" ? withJson.toJSON() : undefined;
  return json !== undefined && json !== object ? json : { ...(object as Record<string, unknown>) };
}
