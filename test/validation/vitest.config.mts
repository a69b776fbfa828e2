// Vitest runs only LangGraph's conformance suite (test/validation); everything else is mocha.
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    globals: true,
    include: ["test/validation/**/*.validation.ts"],
    root: new URL("../..", import.meta.url).pathname,
  },
});
