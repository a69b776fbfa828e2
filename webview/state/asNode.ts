/**
 * The "as node" chooser of the state editor: the graph's nodes (not `__end__`, which the engine
 * refuses), with the node the engine would pick marked as the default and preselected. When the
 * default is ambiguous (two nodes wrote last) nothing is preselected and the editor asks for a
 * choice. A person may also type a name (combobox), so a mistyped node reaches validation and is
 * reported inline instead of being sent.
 */
import { h } from "../dom";
import type { DefaultAsNode } from "../timeline/history";
import { END } from "../graph/scene";

type SelectElement = HTMLElement & { value: string };

export class AsNodeChooser {
  readonly element: HTMLElement;
  private readonly select: SelectElement;
  private readonly defaultLabel = h("span", { class: "as-node-default" });
  private key = "";
  choices: string[] = [];
  /** A typed name that is not a node: kept so validation can name it. */
  private typed?: string;

  constructor(onChange: () => void) {
    this.select = h("vscode-single-select", { class: "as-node", combobox: true, creatable: true, "aria-label": "As node" }) as SelectElement;
    this.select.addEventListener("change", () => { this.typed = undefined; onChange(); });
    this.select.addEventListener("vsc-single-select-create-option", (event: Event) => {
      this.typed = (event as CustomEvent<{ value: string }>).detail.value;
      onChange();
    });
    this.element = h("label", { class: "as-node-field" }, h("span", { class: "field-label" }, "as node"), this.select, this.defaultLabel);
  }

  /** The chosen node name, or undefined when none is chosen. */
  get value(): string | undefined {
    return this.typed ?? (this.select.value || undefined);
  }

  update(nodes: readonly string[], fallback: DefaultAsNode): void {
    const choices = nodes.filter((node) => node !== END);
    const preset = "node" in fallback ? fallback.node : "";
    this.defaultLabel.textContent = "node" in fallback ? `default: ${fallback.node}, the node that wrote last`
      : "ambiguous" in fallback ? `no default: ${fallback.ambiguous.join(" and ")} wrote last` : "";
    const key = `${choices.join("\u0000")}|${preset}`;
    if (key === this.key) return;
    this.key = key;
    this.choices = choices;
    // A default the graph does not have (a stale host answer) is kept as typed, so it is reported.
    this.typed = preset && !choices.includes(preset) ? preset : undefined;
    const options = choices.map((node) => h("vscode-option", { value: node, selected: node === preset, description: node === preset ? "default" : undefined }, node));
    if (!preset) options.unshift(h("vscode-option", { value: "", selected: true }, "Choose a node…"));
    this.select.replaceChildren(...options);
    this.select.value = preset;
  }
}
