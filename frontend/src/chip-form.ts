// Assign, add or edit a music chip inside the card: the Settings flow's form, the same fields.
import { LitElement, css, html, nothing, type TemplateResult } from "lit";
import { loadHaForm, type FormField } from "./ha-elements";
import { cardText, integrationText } from "./localize";
import type { ChipForm, HomeAssistant, LocalizeFunc } from "./types";

const PLAYBACK = "playback";
/** "Play on" for a chip without a speaker of its own: the reader's, wherever it lies. */
export const READERS_SPEAKER = "reader";

/** The form: "Play on" lists "This reader's speaker" first, then every speaker. */
const schema = (speakers: { value: string; label: string }[]): FormField[] => [
  { name: "uid", required: true, selector: { text: {} } },
  { name: "name", required: true, selector: { text: {} } },
  { name: "media", required: true, selector: { media: {} } },
  {
    name: "play_on",
    required: true,
    selector: { select: { options: speakers, mode: "dropdown" } },
  },
  {
    name: PLAYBACK,
    type: "expandable",
    flatten: false,
    schema: [
      { name: "shuffle", selector: { boolean: {} } },
      {
        name: "repeat",
        selector: {
          select: { options: ["off", "all", "one"], translation_key: "repeat", mode: "dropdown" },
        },
      },
      {
        name: "volume",
        selector: {
          number: { min: 0, max: 100, step: 1, mode: "slider", unit_of_measurement: "%" },
        },
      },
      {
        name: "on_remove",
        selector: {
          select: {
            options: ["inherit", "pause", "stop", "nothing"],
            translation_key: "tag_on_remove",
            mode: "dropdown",
          },
        },
      },
      {
        name: "mode",
        selector: {
          select: {
            options: ["music", "audiobook", "start_over"],
            translation_key: "mode",
            mode: "dropdown",
          },
        },
      },
    ],
  },
];

/** Where the Settings flow keeps this form's words. */
const STEP = "config_subentries.tag.step.user";

export class NfcJukeboxChipForm extends LitElement {
  static override properties = {
    hass: { attribute: false },
    localize: { attribute: false },
    initial: { attribute: false },
    isNew: { attribute: false },
    errors: { attribute: false },
    failure: { attribute: false },
    _data: { state: true },
    _ready: { state: true },
  };

  declare hass: HomeAssistant;
  /** The card's: it knows the integration's translations. */
  declare localize: LocalizeFunc;
  declare initial: ChipForm;
  declare isNew: boolean;
  declare errors: Record<string, string> | undefined;
  declare failure: string | undefined;
  declare _data: ChipForm | undefined;
  declare _ready: boolean;

  constructor() {
    super();
    this._ready = false;
  }

  public override connectedCallback(): void {
    super.connectedCallback();
    void loadHaForm().then(() => {
      this._ready = true;
    });
  }

  protected override render(): TemplateResult | typeof nothing {
    if (!this._ready) return nothing;
    const data = this._data ?? this.initial;
    const base = this.errors?.base;
    return html`<div class="form">
      <div class="form-title">
        ${integrationText(
          this.localize,
          `config_subentries.tag.step.${this.isNew ? "user" : "reconfigure"}.title`,
        )}
      </div>
      ${base ? html`<ha-alert alert-type="error">${this._error(base)}</ha-alert>` : nothing}
      ${this.failure ? html`<ha-alert alert-type="error">${this.failure}</ha-alert>` : nothing}
      <ha-form
        .hass=${this.hass}
        .data=${data}
        .schema=${schema(this._speakers())}
        .error=${this.errors}
        .computeLabel=${this._label}
        .computeHelper=${this._helper}
        .computeError=${(error: string) => this._error(error)}
        .localizeValue=${(key: string) => integrationText(this.localize, `selector.${key}`)}
        @value-changed=${(ev: CustomEvent<{ value: ChipForm }>) => {
          this._data = ev.detail.value;
        }}
      ></ha-form>
      <div class="buttons">
        <ha-button appearance="plain" @click=${this._cancel}>${cardText(this.localize, "cancel")}</ha-button>
        <ha-button
          .disabled=${!data.uid || !data.name || !data.media?.media_content_id}
          @click=${this._submit}
          >${cardText(this.localize, "save")}</ha-button
        >
      </div>
    </div>`;
  }

  /** The choices of "Play on": this reader's speaker, then every speaker by name. */
  private _speakers(): { value: string; label: string }[] {
    const speakers = Object.values(this.hass.states)
      .filter((state) => state?.entity_id.startsWith("media_player."))
      .map((state) => ({
        value: state!.entity_id,
        label: state!.attributes.friendly_name ?? state!.entity_id,
      }))
      .sort((a, b) => a.label.localeCompare(b.label));
    return [{ value: READERS_SPEAKER, label: cardText(this.localize, "this_readers_speaker") }, ...speakers];
  }

  private _label = (field: FormField): string => {
    if (field.name === PLAYBACK) return integrationText(this.localize, `${STEP}.sections.playback.name`);
    const own = integrationText(this.localize, `${STEP}.data.${field.name}`);
    return own || integrationText(this.localize, `${STEP}.sections.playback.data.${field.name}`);
  };

  private _helper = (field: FormField): string => {
    if (field.name === PLAYBACK) return "";
    const own = integrationText(this.localize, `${STEP}.data_description.${field.name}`);
    return own || integrationText(this.localize, `${STEP}.sections.playback.data_description.${field.name}`);
  };

  private _error(key: string): string {
    return integrationText(this.localize, `config_subentries.tag.error.${key}`) || key;
  }

  private _cancel(): void {
    this.dispatchEvent(new CustomEvent("chip-cancel"));
  }

  /** Ask the card to save; it puts the server's errors back on this form. */
  private _submit(): void {
    const data = this._data ?? this.initial;
    this.errors = undefined;
    this.failure = undefined;
    const detail: ChipForm = { uid: data.uid, name: data.name, playback: data.playback ?? {} };
    if (data.media) detail.media = data.media;
    if (data.play_on && data.play_on !== READERS_SPEAKER) detail.play_on = data.play_on;
    this.dispatchEvent(new CustomEvent<ChipForm>("chip-save", { detail }));
  }

  static override styles = css`
    .form {
      padding: 8px 16px 16px;
    }
    .form-title {
      font-size: var(--ha-font-size-l, 16px);
      font-weight: var(--ha-font-weight-medium, 500);
      color: var(--primary-text-color);
      margin-bottom: 12px;
    }
    ha-alert {
      display: block;
      margin-bottom: 12px;
    }
    .buttons {
      display: flex;
      justify-content: flex-end;
      gap: 8px;
      margin-top: 16px;
    }
  `;
}

customElements.define("nfc-jukebox-chip-form", NfcJukeboxChipForm);
