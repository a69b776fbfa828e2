/**
 * The environment that points every model SDK a corpus graph may use at the fake server, and
 * keeps the real world out: a child process gets the inherited environment minus any real
 * credentials or tracing settings, plus these variables. Which variable each SDK reads (checked
 * in the installed packages):
 *
 * - `openai` SDK: `OPENAI_BASE_URL`, `OPENAI_API_KEY`. `@langchain/openai` (ChatOpenAI,
 *   OpenAIEmbeddings) reads `OPENAI_API_BASE` first, then `OPENAI_BASE_URL`; its key from
 *   `OPENAI_API_KEY`. Both want the `/v1` suffix.
 * - `@anthropic-ai/sdk`: `ANTHROPIC_BASE_URL`, `ANTHROPIC_API_KEY` (or `ANTHROPIC_AUTH_TOKEN`).
 *   `@langchain/anthropic` reads `ANTHROPIC_API_URL` first, then `ANTHROPIC_BASE_URL`. No `/v1`.
 * - LangSmith tracing is switched off (`LANGSMITH_TRACING`, `LANGCHAIN_TRACING_V2`), so no run
 *   is posted anywhere even if a developer's shell has a key.
 */

/** Inherited variables a corpus run must not see: real keys, tokens, tracing, endpoints. */
const SECRET_OR_ENDPOINT = /API_KEY|AUTH_TOKEN|_TOKEN$|^LANGSMITH_|^LANGCHAIN_|_BASE_URL$|_API_BASE$|_API_URL$|^ELASTICSEARCH_/;

export function fakeModelEnv(serverUrl: string): Record<string, string> {
  const openai = `${serverUrl}/v1`;
  return {
    OPENAI_BASE_URL: openai,
    OPENAI_API_BASE: openai,
    OPENAI_API_KEY: "sk-fake-corpus",
    ANTHROPIC_BASE_URL: serverUrl,
    ANTHROPIC_API_URL: serverUrl,
    ANTHROPIC_API_KEY: "sk-ant-fake-corpus",
    LANGSMITH_TRACING: "false",
    LANGCHAIN_TRACING_V2: "false",
    LANGCHAIN_TRACING: "false",
    LANGCHAIN_CALLBACKS_BACKGROUND: "false",
  };
}

/** The inherited environment without secrets or endpoints, with `extra` laid over it. */
export function childEnv(extra: Record<string, string>, base: NodeJS.ProcessEnv = process.env): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(base)) {
    if (value !== undefined && !SECRET_OR_ENDPOINT.test(key)) env[key] = value;
  }
  return { ...env, ...extra };
}
