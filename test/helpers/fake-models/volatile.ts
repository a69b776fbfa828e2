/**
 * What differs between two runs of the same program inside a string: random UUIDs (memory ids,
 * document ids) and clock times (templates put the current time in prompts). Both the reply ids
 * and the corpus's state comparison mask them the same way.
 */
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
const ISO_TIME = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?/g;

export function maskVolatile(text: string): string {
  return text.replace(UUID, "<uuid>").replace(ISO_TIME, "<time>");
}
