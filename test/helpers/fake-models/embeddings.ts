/**
 * Fake text embeddings (`POST /v1/embeddings`): a small bag-of-words vector, hashed and
 * normalised, so equal texts embed equally and texts sharing words land near each other. The
 * fake Elasticsearch embeds its seed documents with the same function, so a scripted query
 * finds them. Answers in float lists or, as the OpenAI SDK asks by default, base64 float32.
 */
import { createHash } from "node:crypto";
import { tokens } from "./reply";

export const EMBEDDING_DIMENSIONS = 32;

export function embedText(text: string): number[] {
  const vector = new Array<number>(EMBEDDING_DIMENSIONS).fill(0);
  for (const word of text.toLowerCase().match(/[a-z0-9]+/g) ?? []) {
    const digest = createHash("sha256").update(word).digest();
    vector[digest[0] % EMBEDDING_DIMENSIONS] += digest[1] & 1 ? 1 : -1;
  }
  const norm = Math.hypot(...vector) || 1;
  return vector.map((x) => x / norm);
}

export function embeddingsResponse(body: Record<string, unknown>): Record<string, unknown> {
  const inputs = Array.isArray(body.input) ? body.input : [body.input];
  const texts = inputs.map((input) => (typeof input === "string" ? input : JSON.stringify(input)));
  const base64 = body.encoding_format === "base64";
  const data = texts.map((text, index) => {
    const vector = embedText(text);
    return { object: "embedding", index, embedding: base64 ? toBase64(vector) : vector };
  });
  const used = texts.reduce((sum, text) => sum + tokens(text), 0);
  return { object: "list", data, model: String(body.model ?? ""), usage: { prompt_tokens: used, total_tokens: used } };
}

function toBase64(vector: number[]): string {
  return Buffer.from(new Float32Array(vector).buffer).toString("base64");
}
