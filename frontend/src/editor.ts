// The card's visual editor: pick the reader (none: the first reader).
import { LitElement, html, nothing, type TemplateResult } from "lit";
import { loadHaForm, type FormField } from "./ha-elements";
import { cardText, combine, DOMAIN, loadTranslations } from "./localize";
import type { CardConfig, HomeAssistant, LocalizeFunc } from "./types";

const SCHEMA: FormField[] = [
  { name: "entry_id", selector: { config_entry: { integration: DOMAIN } } },
  { name: "kids", selector: { boolean: {} } },
];

/** The card text that labels each field. */
const LABELS: Record<string, string> = { entry_id: "reader", kids: "kids" };

export class NfcJukeboxCardEditor extends LitElement {
  static override properties = {
    hass: { attribute: false },
    _config: { state: true },
    _loaded: { state: true },
  };

  declare hass: HomeAssistant;
  declare _config: CardConfig | undefined;
  declare _loaded: LocalizeFunc | undefined;

  public setConfig(config: CardConfig): void {
    this._config = config;
  }

  public override connectedCallback(): void {
    super.connectedCallback();
    void loadHaForm().then(async () => {
      if (this.hass) this._loaded = await loadTranslations(this.hass);
    });
  }

  protected override render(): TemplateResult | typeof nothing {
    if (!this.hass || !this._config || !this._loaded) return nothing;
    const localize = combine(this.hass, this._loaded);
    return html`<ha-form
      .hass=${this.hass}
      .data=${this._config}
      .schema=${SCHEMA}
      .computeLabel=${(field: FormField) => cardText(localize, LABELS[field.name] ?? field.name)}
      .computeHelper=${(field: FormField) =>
        field.name === "kids" ? cardText(localize, "kids_help") : ""}
      @value-changed=${this._changed}
    ></ha-form>`;
  }

  private _changed(ev: CustomEvent<{ value: CardConfig }>): void {
    ev.stopPropagation();
    const config: CardConfig = { ...ev.detail.value };
    if (!config.entry_id) delete config.entry_id;
    if (!config.kids) delete config.kids;
    this._config = config;
    this.dispatchEvent(
      new CustomEvent("config-changed", { detail: { config }, bubbles: true, composed: true }),
    );
  }
}

customElements.define("nfc-jukebox-card-editor", NfcJukeboxCardEditor);
