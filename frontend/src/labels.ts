// The card's Print labels: pick chips, a layout and the paper; the sheet prints at 100 %.
import { LitElement, css, html, nothing, type PropertyValues, type TemplateResult } from "lit";
import { mdiMusic, mdiPrinter, mdiTuneVariant } from "@mdi/js";
import { cardText, DOMAIN } from "./localize";
import type { Chip, HomeAssistant, LocalizeFunc } from "./types";

export type Which = "all" | "pick" | "added";
export type Paper = "a4" | "letter";

/** A label's size in millimetres: round stickers, or cards. */
export const LAYOUTS = {
  round_39: { width: 39, height: 39, round: true, text: 3.4 },
  round_30: { width: 30, height: 30, round: true, text: 2.8 },
  round_25: { width: 25, height: 25, round: true, text: 2.4 },
  card_54x86: { width: 54, height: 86, round: false, text: 5 },
} as const;
export type Layout = keyof typeof LAYOUTS;

/** The paper's size in millimetres, and its name for `@page`. */
export const PAPERS: Record<Paper, { width: number; height: number; css: string }> = {
  a4: { width: 210, height: 297, css: "A4" },
  letter: { width: 215.9, height: 279.4, css: "letter" },
};

/** The printer's margin, the gap between labels, and how far a cut mark reaches (mm). */
const MARGIN = 8;
const GAP = 4;
const MARK = 1.5;
const MARK_AWAY = 0.5;
const REACH = MARK + MARK_AWAY;
/** CSS pixels per millimetre (96 per inch). */
const PX_PER_MM = 96 / 25.4;
const STORED_CHOICES = `${DOMAIN}-labels`;

/** How many labels fit on one sheet, in columns and rows (room left for the cut marks). */
export function perSheet(layout: Layout, paper: Paper): { columns: number; rows: number } {
  const size = LAYOUTS[layout];
  const page = PAPERS[paper];
  const fit = (room: number, label: number): number =>
    Math.max(1, Math.floor((room - 2 * MARGIN - 2 * REACH + GAP) / (label + GAP)));
  return { columns: fit(page.width, size.width), rows: fit(page.height, size.height) };
}

function escape(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function icon(path: string): string {
  return `<svg viewBox="0 0 24 24" aria-hidden="true"><path d="${path}"/></svg>`;
}

function label(chip: Chip, names: boolean): string {
  const face = chip.picture
    ? `<img src="${escape(new URL(chip.picture, location.href).href)}" alt="">`
    : icon(chip.kind === "control" ? mdiTuneVariant : mdiMusic);
  const name = names ? `<div class="name">${escape(chip.name)}</div>` : "";
  const marks = ["tl", "tr", "bl", "br"].map((corner) => `<i class="m ${corner}"></i>`).join("");
  return `<div class="label" data-chip-uid="${escape(chip.uid)}"><div class="face">${face}</div>${name}${marks}</div>`;
}

/** The sheets' stylesheet: exact millimetres, `@page` of the paper, cut marks at the corners. */
function styles(layout: Layout, paper: Paper): string {
  const size = LAYOUTS[layout];
  const page = PAPERS[paper];
  const { columns } = perSheet(layout, paper);
  const round = size.round;
  return `
@page { size: ${page.css} portrait; margin: ${MARGIN}mm; }
html { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
html, body { margin: 0; background: #fff; color: #000; font-family: system-ui, sans-serif; }
.sheet { display: grid; grid-template-columns: repeat(${columns}, ${size.width}mm);
  grid-auto-rows: ${size.height}mm; gap: ${GAP}mm; padding: ${REACH}mm; justify-content: center;
  align-content: start; break-after: page; }
.sheet:last-child { break-after: auto; }
@media screen {
  html { zoom: var(--preview-zoom, 1); background: #e8e8e8; }
  body { padding: 4mm 0; }
  .sheet { box-sizing: border-box; width: ${page.width}mm; height: ${page.height}mm;
    padding: ${MARGIN + REACH}mm; margin: 0 auto 4mm; background: #fff; box-shadow: 0 0.5mm 2mm #0004; }
}
.label { position: relative; box-sizing: border-box; width: ${size.width}mm; height: ${size.height}mm;
  break-inside: avoid; border: 0.1mm solid #999; border-radius: ${round ? "50%" : "3mm"};
  ${round ? "" : "display: flex; flex-direction: column; padding: 3mm;"} }
.face { ${round ? "position: absolute; inset: 0; border-radius: 50%;" : `flex: none; height: ${size.width - 6}mm; border-radius: 2mm;`}
  overflow: hidden; display: flex; align-items: center; justify-content: center; background: #f2f2f2; }
.label:not(:has(.name)) .face { margin: auto 0; }
.face img { width: 100%; height: 100%; object-fit: cover; display: block; }
.face svg { width: 45%; height: 45%; fill: #777; }
.name { font-size: ${size.text}mm; line-height: 1.15; font-weight: 600; text-align: center;
  overflow: hidden; overflow-wrap: anywhere; display: -webkit-box; -webkit-box-orient: vertical;
  ${round
    ? "-webkit-line-clamp: 2; position: absolute; left: 14%; right: 14%; bottom: 10%; padding: 0.4mm 0.8mm; border-radius: 1mm; background: #fffe;"
    : "-webkit-line-clamp: 3; margin: auto 0;"} }
.m { position: absolute; width: 0; height: 0; }
.m::before, .m::after { content: ""; position: absolute; border: 0 solid #000; }
.m::before { width: ${MARK}mm; border-top-width: 0.1mm; }
.m::after { height: ${MARK}mm; border-left-width: 0.1mm; }
.tl { left: -0.1mm; top: -0.1mm; } .tl::before { right: ${MARK_AWAY}mm; top: 0; } .tl::after { left: 0; bottom: ${MARK_AWAY}mm; }
.tr { right: -0.1mm; top: -0.1mm; } .tr::before { left: ${MARK_AWAY}mm; top: 0; } .tr::after { right: 0; bottom: ${MARK_AWAY}mm; }
.bl { left: -0.1mm; bottom: -0.1mm; } .bl::before { right: ${MARK_AWAY}mm; bottom: 0; } .bl::after { left: 0; top: ${MARK_AWAY}mm; }
.br { right: -0.1mm; bottom: -0.1mm; } .br::before { left: ${MARK_AWAY}mm; bottom: 0; } .br::after { right: 0; top: ${MARK_AWAY}mm; }
`;
}

/** The print document of ``chips``: sheets of labels, each ``data-chip-uid="<UID>"``. */
export function labelsDocument(
  chips: Chip[],
  layout: Layout,
  paper: Paper,
  names: boolean,
  title: string,
): string {
  const { columns, rows } = perSheet(layout, paper);
  const sheets: string[] = [];
  for (let start = 0; start < chips.length; start += columns * rows) {
    const labels = chips.slice(start, start + columns * rows).map((chip) => label(chip, names));
    sheets.push(`<section class="sheet">${labels.join("")}</section>`);
  }
  return `<!doctype html><html><head><meta charset="utf-8"><title>${escape(title)}</title>
<style>${styles(layout, paper)}</style></head><body>${sheets.join("")}</body></html>`;
}

interface LabelsInfo {
  last_print: string | null;
  added: string[];
}

interface Choices {
  layout: Layout;
  paper: Paper;
  names: boolean;
}

/** The layout, paper and names last chosen on this device; A4 unless the home says Letter. */
function storedChoices(hass: HomeAssistant): Choices {
  const letter = ["US", "CA", "MX", "PH"].includes(hass.config?.country ?? "");
  const fallback: Choices = { layout: "round_39", paper: letter ? "letter" : "a4", names: true };
  try {
    const stored = JSON.parse(localStorage.getItem(STORED_CHOICES) ?? "{}") as Partial<Choices>;
    return {
      layout: stored.layout && stored.layout in LAYOUTS ? stored.layout : fallback.layout,
      paper: stored.paper && stored.paper in PAPERS ? stored.paper : fallback.paper,
      names: typeof stored.names === "boolean" ? stored.names : fallback.names,
    };
  } catch {
    return fallback;
  }
}

export class NfcJukeboxLabels extends LitElement {
  static override properties = {
    hass: { attribute: false },
    localize: { attribute: false },
    chips: { attribute: false },
    _open: { state: true },
    _which: { state: true },
    _picked: { state: true },
    _choices: { state: true },
    _info: { state: true },
  };

  declare hass: HomeAssistant;
  declare localize: LocalizeFunc;
  declare chips: Chip[];
  declare _open: boolean;
  declare _which: Which;
  declare _picked: Set<string>;
  declare _choices: Choices;
  declare _info: LabelsInfo | undefined;

  private _resize = new ResizeObserver(() => this._fit());

  constructor() {
    super();
    this._open = false;
    this._which = "all";
    this._picked = new Set();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this._resize.disconnect();
  }

  private _t(key: string, values?: Record<string, string | number>): string {
    return cardText(this.localize, key, values);
  }

  /** The chips to print, in the order of the chip list. */
  get chosen(): Chip[] {
    if (this._which === "pick") return this.chips.filter((chip) => this._picked.has(chip.uid));
    if (this._which === "added") {
      const added = new Set(this._info?.added ?? []);
      return this.chips.filter((chip) => added.has(chip.uid));
    }
    return this.chips;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // a chip saved while the sheet is open: is it one added since the last print?
    if (changed.has("chips") && this._open && changed.get("chips") !== undefined) void this._load();
  }

  protected override updated(): void {
    this.toggleAttribute("open", this._open);
    const frame = this.renderRoot.querySelector<HTMLIFrameElement>("iframe.sheets");
    if (frame) this._resize.observe(frame);
  }

  protected override render(): TemplateResult {
    if (!this._open) {
      return html`<ha-button appearance="plain" size="s" @click=${this._show}>
        <ha-svg-icon slot="start" .path=${mdiPrinter}></ha-svg-icon>${this._t("print_labels")}
      </ha-button>`;
    }
    const chosen = this.chosen;
    const { layout, paper, names } = this._choices;
    const { columns, rows } = perSheet(layout, paper);
    const last = this._info?.last_print
      ? new Date(this._info.last_print).toLocaleDateString(this.hass.locale?.language ?? this.hass.language)
      : this._t("labels_never");
    return html`<section class="labels" role="region" aria-label=${this._t("print_labels")}>
      <div class="options">
        ${this._select("labels_which", this._which, ["all", "pick", "added"], (v) => (this._which = v as Which), {
          added: this._t("labels_which_added", { date: last }),
        })}
        ${this._select("labels_layout", layout, Object.keys(LAYOUTS), (v) => this._choose({ layout: v as Layout }))}
        ${this._select("labels_paper", paper, Object.keys(PAPERS), (v) => this._choose({ paper: v as Paper }))}
        <label class="check"
          ><input
            type="checkbox"
            name="names"
            .checked=${names}
            @change=${(ev: Event) => this._choose({ names: (ev.target as HTMLInputElement).checked })}
          />${this._t("labels_names")}</label
        >
      </div>
      ${this._which === "pick"
        ? html`<div class="pick" role="group" aria-label=${this._t("labels_which_pick")}>
            ${this.chips.map(
              (chip) => html`<label class="check"
                ><input
                  type="checkbox"
                  .checked=${this._picked.has(chip.uid)}
                  @change=${(ev: Event) => this._toggle(chip.uid, (ev.target as HTMLInputElement).checked)}
                />${chip.name}</label
              >`,
            )}
          </div>`
        : nothing}
      <div class="hint">
        ${chosen.length
          ? this._t("labels_hint", {
              count: chosen.length,
              sheets: Math.ceil(chosen.length / (columns * rows)),
            })
          : this._t("labels_none")}
      </div>
      <iframe
        class="sheets"
        title=${this._t("labels_preview")}
        .srcdoc=${labelsDocument(chosen, layout, paper, names, this._t("print_labels"))}
        @load=${this._fit}
      ></iframe>
      <div class="buttons">
        <ha-button appearance="plain" @click=${() => (this._open = false)}>${this._t("cancel")}</ha-button>
        <ha-button @click=${this._print} ?disabled=${!chosen.length}>
          <ha-svg-icon slot="start" .path=${mdiPrinter}></ha-svg-icon>${this._t("labels_print")}
        </ha-button>
      </div>
    </section>`;
  }

  private _select(
    key: string,
    value: string,
    options: string[],
    set: (value: string) => void,
    texts: Record<string, string> = {},
  ): TemplateResult {
    return html`<label class="field"
      >${this._t(key)}
      <select name=${key} @change=${(ev: Event) => set((ev.target as HTMLSelectElement).value)}>
        ${options.map(
          (option) =>
            html`<option value=${option} ?selected=${option === value}>
              ${texts[option] ?? this._t(`${key}_${option}`)}
            </option>`,
        )}
      </select></label
    >`;
  }

  private _choose(change: Partial<Choices>): void {
    this._choices = { ...this._choices, ...change };
    try {
      localStorage.setItem(STORED_CHOICES, JSON.stringify(this._choices));
    } catch {
      // a private window keeps no choices: the defaults come back next time
    }
  }

  private _toggle(uid: string, on: boolean): void {
    const picked = new Set(this._picked);
    if (on) picked.add(uid);
    else picked.delete(uid);
    this._picked = picked;
  }

  /** Scale the preview's sheets to the card's width (the print is always at 100 %). */
  private _fit(): void {
    const frame = this.renderRoot.querySelector<HTMLIFrameElement>("iframe.sheets");
    const root = frame?.contentDocument?.documentElement;
    if (!frame || !root) return;
    const sheet = PAPERS[this._choices.paper].width * PX_PER_MM;
    const zoom = Math.min(1, (frame.clientWidth - 16) / sheet);
    root.style.setProperty("--preview-zoom", String(Math.max(zoom, 0.2)));
  }

  private async _load(): Promise<void> {
    this._info = await this.hass.callWS<LabelsInfo>({ type: `${DOMAIN}/labels` });
  }

  private async _show(): Promise<void> {
    this._choices = storedChoices(this.hass);
    this._open = true;
    await this._load();
  }

  private async _print(): Promise<void> {
    const view = this.renderRoot.querySelector<HTMLIFrameElement>("iframe.sheets")?.contentWindow;
    if (!view) return;
    // a print does not wait for pictures still loading
    await Promise.all(Array.from(view.document.images).map((image) => image.decode().catch(() => undefined)));
    view.focus();
    view.print();
    const printed = await this.hass.callWS<{ last_print: string }>({ type: `${DOMAIN}/labels/printed` });
    this._info = { last_print: printed.last_print, added: [] };
  }

  static override styles = css`
    :host {
      display: block;
    }
    .labels {
      display: flex;
      flex-direction: column;
      gap: 8px;
      padding: 8px 16px;
    }
    .options {
      display: flex;
      flex-wrap: wrap;
      gap: 8px 16px;
      align-items: end;
    }
    .field {
      display: flex;
      flex-direction: column;
      font-size: 0.85em;
      color: var(--secondary-text-color);
      gap: 2px;
      min-width: 0;
      max-width: 100%;
    }
    select {
      font: inherit;
      font-size: 1rem;
      min-height: 40px;
      max-width: 100%;
      padding: 0 8px;
      color: var(--primary-text-color);
      background: var(--card-background-color);
      border: 1px solid var(--divider-color);
      border-radius: 6px;
    }
    .check {
      display: flex;
      align-items: center;
      gap: 8px;
      min-height: 40px;
      color: var(--primary-text-color);
    }
    .check input {
      width: 20px;
      height: 20px;
      margin: 0;
    }
    .pick {
      max-height: 220px;
      overflow: auto;
      border: 1px solid var(--divider-color);
      border-radius: 6px;
      padding: 4px 8px;
    }
    .pick .check {
      content-visibility: auto;
      contain-intrinsic-size: auto 40px;
    }
    .hint {
      color: var(--secondary-text-color);
      font-size: 0.9em;
    }
    iframe.sheets {
      width: 100%;
      height: min(70vh, 560px);
      border: 1px solid var(--divider-color);
      border-radius: 6px;
      background: #e8e8e8;
    }
    .buttons {
      display: flex;
      justify-content: flex-end;
      gap: 8px;
    }
  `;
}

customElements.define("nfc-jukebox-labels", NfcJukeboxLabels);
