// Assign, add or edit a music chip inside the card: the Settings flow's form, the same fields.
import { mdiArrowLeft, mdiChevronRight, mdiFolderMusicOutline, mdiFolderOutline } from "@mdi/js";
import { LitElement, css, html, nothing, type TemplateResult } from "lit";
import { loadHaForm, type FormField } from "./ha-elements";
import { cardText, integrationText } from "./localize";
import "./recorder";
import type {
  BrowseItem,
  ChipForm,
  HomeAssistant,
  LocalizeFunc,
  Playback,
  RecordingResult,
} from "./types";

const PLAYBACK = "playback";
/** "Play on" for a chip without a speaker of its own: the reader's, wherever it lies. */
export const READERS_SPEAKER = "reader";

/** UID and name; then the music (the speaker to browse with, what it plays). */
const NAME_FIELDS = 2;
/** The music (the folder picker comes after it), then a typed podcast feed or stream. */
const MEDIA_FIELDS = 3;
const MUSIC_FIELDS = 5;
const MEDIA = "media";
/** What a typed address becomes: a podcast chip or a radio chip. */
export const TYPED_MUSIC: Readonly<Record<string, "feed" | "stream">> = { podcast: "feed", radio: "stream" };

const schema = (speakers: { value: string; label: string }[]): FormField[] => [
  { name: "uid", required: true, selector: { text: {} } },
  { name: "name", required: true, selector: { text: {} } },
  { name: MEDIA, selector: { media: {} } },
  { name: "feed", selector: { text: { type: "url" } } },
  { name: "stream", selector: { text: { type: "url" } } },
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
      {
        name: "order",
        selector: {
          select: {
            options: ["in_order", "shuffle", "day_of_month", "daily"],
            translation_key: "order",
            mode: "dropdown",
          },
        },
      },
      { name: "month", selector: { number: { min: 1, max: 12, step: 1, mode: "box" } } },
      { name: "outside_track", selector: { number: { min: 1, max: 9999, step: 1, mode: "box" } } },
      {
        name: "repeat",
        selector: {
          // As the Settings form: from none to most.
          select: { options: ["off", "one", "all"], translation_key: "repeat", mode: "dropdown" },
        },
      },
      {
        name: "volume",
        selector: {
          // A box, not a slider: empty (keep the speaker's volume) must not look like 0 %.
          number: { min: 0, max: 100, step: 1, mode: "box", unit_of_measurement: "%" },
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
      { name: "bedtime", selector: { boolean: {} } },
      {
        name: "episodes",
        selector: {
          select: { options: ["newest", "next", "first"], translation_key: "episodes", mode: "dropdown" },
        },
      },
      { name: "keep_episodes", selector: { number: { min: 1, max: 50, step: 1, mode: "box" } } },
      { name: "keep_mb", selector: { number: { min: 10, max: 20000, step: 10, mode: "box" } } },
    ],
  },
];

/** A music chip's playback settings before a parent changes them: the Settings form's. */
export const PLAYBACK_DEFAULTS: Readonly<Playback> = {
  order: "in_order",
  repeat: "off",
  on_remove: "inherit",
  mode: "music",
  bedtime: false,
  episodes: "newest",
};

/** Where the Settings flow keeps this form's words. */
const STEP = "config_subentries.tag.step.user";
/** Where folders are: My media (and any other local media folder). */
const LOCAL_MEDIA = "media-source://media_source";

/** A folder shown in the folder picker, with the path that led to it. */
interface OpenFolder {
  item: BrowseItem;
  path: string;
}

const isTrack = (item: BrowseItem): boolean => item.can_play && !item.can_expand;

/** A recording's length as the card shows times: 2:05. */
const formatDuration = (seconds: number): string => {
  const whole = Math.round(seconds);
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, "0")}`;
};

export class NfcJukeboxChipForm extends LitElement {
  static override properties = {
    hass: { attribute: false },
    localize: { attribute: false },
    initial: { attribute: false },
    isNew: { attribute: false },
    errors: { attribute: false },
    placeholders: { attribute: false },
    failure: { attribute: false },
    entryId: { attribute: false },
    _data: { state: true },
    _recorded: { state: true },
    _ready: { state: true },
    _folders: { state: true },
    _folderError: { state: true },
  };

  declare hass: HomeAssistant;
  /** The card's: it knows the integration's translations. */
  declare localize: LocalizeFunc;
  declare initial: ChipForm;
  declare isNew: boolean;
  declare errors: Record<string, string> | undefined;
  /** What the server's error texts name ({chip}: the chip that has the UID). */
  declare placeholders: Record<string, string> | undefined;
  declare failure: string | undefined;
  /** The reader the chip is added on: a recording's new chip is stored there. */
  declare entryId: string | undefined;
  declare _data: ChipForm | undefined;
  /** The recording just made for this chip. */
  declare _recorded: RecordingResult | undefined;
  declare _ready: boolean;
  /** The folder picker: the folders opened, the last one shown; undefined: closed. */
  declare _folders: OpenFolder[] | undefined;
  declare _folderError: string | undefined;

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
    const fields = schema(this._speakers());
    return html`<div class="form">
      <div class="form-title">
        ${integrationText(
          this.localize,
          `config_subentries.tag.step.${this.isNew ? "user" : "reconfigure"}.title`,
        )}
      </div>
      ${base ? html`<ha-alert alert-type="error">${this._error(base)}</ha-alert>` : nothing}
      ${this.failure ? html`<ha-alert alert-type="error">${this.failure}</ha-alert>` : nothing}
      ${this._form(data, fields.slice(0, NAME_FIELDS))}
      <div class="section-title">${this._musicLabel()}</div>
      ${this._form(data, fields.slice(NAME_FIELDS, MEDIA_FIELDS))}
      ${this._folders ? this._renderFolders(this._folders) : this._renderFolderButton()}
      ${this._renderRecorder(data)}
      ${this._form(data, fields.slice(MEDIA_FIELDS, MUSIC_FIELDS))}
      ${this._form(data, fields.slice(MUSIC_FIELDS))}
      <div class="buttons">
        <ha-button appearance="plain" @click=${this._cancel}>${cardText(this.localize, "cancel")}</ha-button>
        <ha-button
          .disabled=${!data.uid || !data.name || !(data.media?.media_content_id || data.feed || data.stream)}
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

  /** Part of the form: the folder picker sits between the music and the playback. */
  private _form(data: ChipForm, schema: FormField[]): TemplateResult {
    return html`<ha-form
      .hass=${this.hass}
      .data=${data}
      .schema=${schema}
      .error=${this.errors}
      .computeLabel=${this._label}
      .computeHelper=${this._helper}
      .computeError=${(error: string) => this._error(error)}
      .localizeValue=${(key: string) => integrationText(this.localize, `selector.${key}`)}
      @value-changed=${(ev: CustomEvent<{ value: ChipForm }>) => {
        this._data = { ...(this._data ?? this.initial), ...ev.detail.value };
      }}
    ></ha-form>`;
  }

  private _renderFolderButton(): TemplateResult {
    return html`<div class="folder-row">
      <ha-button appearance="plain" size="s" @click=${this._openFolders}>
        <ha-svg-icon slot="start" .path=${mdiFolderMusicOutline}></ha-svg-icon>
        ${integrationText(this.localize, `${STEP}.data.pick_folder`)}
      </ha-button>
    </div>`;
  }

  /** Record or upload: the recording becomes this chip's music at once. */
  private _renderRecorder(data: ChipForm): TemplateResult {
    const speaker = data.play_on && data.play_on !== READERS_SPEAKER ? data.play_on : data.media?.entity_id;
    return html`<div class="section-title">${cardText(this.localize, "recording_title")}</div>
      ${this._recorded
        ? html`<ha-alert class="recorded" alert-type="success"
            >${cardText(this.localize, "recording_made", {
              name: this._recorded.name,
              duration: formatDuration(this._recorded.duration),
            })}</ha-alert
          >`
        : nothing}
      <nfc-jukebox-recorder
        .hass=${this.hass}
        .localize=${this.localize}
        .target=${{ name: data.name, uid: data.uid, entryId: this.entryId, speaker }}
        @recording-made=${this._recordingMade}
      ></nfc-jukebox-recorder>`;
  }

  private _recordingMade = (ev: CustomEvent<RecordingResult>): void => {
    const result = ev.detail;
    const data = this._data ?? this.initial;
    this._recorded = result;
    this._data = {
      ...data,
      media: {
        entity_id: data.media?.entity_id ?? "",
        media_content_id: result.media_content_id,
        media_content_type: result.media_content_type,
        metadata: { title: result.name, media_class: "music" },
      },
    };
    this.dispatchEvent(new CustomEvent<RecordingResult>("chip-recorded", { detail: result }));
  };

  /** HA's media browser picks only what plays: folders are picked here. */
  private _renderFolders(opened: OpenFolder[]): TemplateResult {
    const current = opened[opened.length - 1];
    const children = current?.item.children ?? [];
    const folders = children.filter((child) => child.can_expand);
    const tracks = children.filter(isTrack).length;
    // The top is My media itself: its folders are what a chip plays.
    const inFolder = opened.length > 1;
    return html`<div class="folders" role="group" aria-label=${this._pickFolderLabel()}>
      <div class="folders-head">
        ${opened.length > 1
          ? html`<ha-icon-button
              .path=${mdiArrowLeft}
              .label=${cardText(this.localize, "back")}
              @click=${() => (this._folders = opened.slice(0, -1))}
            ></ha-icon-button>`
          : nothing}
        <div class="folders-title">
          <div>${inFolder && current ? current.path : this._pickFolderLabel()}</div>
          ${inFolder
            ? html`<div class="secondary">${cardText(this.localize, "folder_tracks", { count: tracks })}</div>`
            : nothing}
        </div>
      </div>
      ${this._folderError ? html`<ha-alert alert-type="error">${this._folderError}</ha-alert>` : nothing}
      ${current && !inFolder && folders.length === 0
        ? html`<div class="secondary empty">${this._error("no_folders")}</div>`
        : nothing}
      <div class="folder-list">
        ${folders.map(
          (folder) => html`<button
            class="folder"
            type="button"
            @click=${() => void this._openFolder(folder, current?.path ?? "")}
          >
            <ha-svg-icon .path=${mdiFolderOutline}></ha-svg-icon>
            <span>${folder.title}</span>
            <ha-svg-icon class="chevron" .path=${mdiChevronRight}></ha-svg-icon>
          </button>`,
        )}
      </div>
      <div class="buttons">
        <ha-button appearance="plain" @click=${() => (this._folders = undefined)}
          >${cardText(this.localize, "cancel")}</ha-button
        >
        <ha-button .disabled=${!inFolder || tracks === 0} @click=${() => this._useFolder(current)}
          >${cardText(this.localize, "use_folder")}</ha-button
        >
      </div>
    </div>`;
  }

  private _pickFolderLabel(): string {
    return integrationText(this.localize, "config_subentries.tag.step.folder.title");
  }

  private _openFolders = async (): Promise<void> => {
    this._folders = [];
    await this._openFolder(undefined, "");
  };

  private async _openFolder(folder: BrowseItem | undefined, path: string): Promise<void> {
    this._folderError = undefined;
    try {
      const item = await this.hass.callWS<BrowseItem>({
        type: "media_source/browse_media",
        media_content_id: folder?.media_content_id ?? LOCAL_MEDIA,
      });
      // The top (My media) is where a path starts: "Audiobooks / Gruffalo".
      const opened = this._folders ?? [];
      const shown = folder ? (path ? `${path} / ${item.title}` : item.title) : "";
      this._folders = [...opened, { item, path: shown }];
    } catch (err) {
      this._folderError = (err as { message?: string }).message ?? String(err);
    }
  }

  /** The folder becomes the chip's music, on the speaker picked (or filled in). */
  private _useFolder(folder: OpenFolder | undefined): void {
    if (!folder) return;
    const data = this._data ?? this.initial;
    this._data = {
      ...data,
      media: {
        entity_id: data.media?.entity_id ?? "",
        media_content_id: folder.item.media_content_id,
        media_content_type: folder.item.media_content_type || "directory",
        metadata: { title: folder.path, media_class: "directory" },
      },
    };
    this._folders = undefined;
  }

  private _musicLabel(): string {
    return integrationText(this.localize, `${STEP}.data.${MEDIA}`);
  }

  private _label = (field: FormField): string => {
    if (field.name === PLAYBACK) return integrationText(this.localize, `${STEP}.sections.playback.name`);
    // "Music" heads the section: the media selector would put it on its speaker picker too.
    if (field.name === MEDIA) return "";
    const own = integrationText(this.localize, `${STEP}.data.${field.name}`);
    return own || integrationText(this.localize, `${STEP}.sections.playback.data.${field.name}`);
  };

  private _helper = (field: FormField): string => {
    if (field.name === PLAYBACK) return "";
    // The card shows "This reader's speaker" where Settings leaves the field empty.
    if (field.name === "play_on") return cardText(this.localize, "play_on_help");
    const own = integrationText(this.localize, `${STEP}.data_description.${field.name}`);
    return own || integrationText(this.localize, `${STEP}.sections.playback.data_description.${field.name}`);
  };

  private _error(key: string): string {
    return (
      integrationText(this.localize, `config_subentries.tag.error.${key}`, this.placeholders) || key
    );
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
    if (data.feed) detail.feed = data.feed;
    if (data.stream) detail.stream = data.stream;
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
    ha-alert.recorded {
      margin-top: -4px;
    }
    .section-title {
      margin: 8px 0 12px;
      font-size: var(--ha-font-size-m, 14px);
      font-weight: var(--ha-font-weight-medium, 500);
      color: var(--primary-text-color);
    }
    .folder-row {
      margin: -8px 0 16px;
    }
    .folders {
      margin-top: 12px;
      border: 1px solid var(--divider-color);
      border-radius: var(--ha-card-border-radius, 12px);
      padding: 8px;
    }
    .folders-head {
      display: flex;
      align-items: center;
      gap: 4px;
      min-height: 48px;
      padding: 0 8px;
    }
    .folders-title {
      flex: 1;
      min-width: 0;
      font-weight: var(--ha-font-weight-medium, 500);
      color: var(--primary-text-color);
      overflow-wrap: anywhere;
    }
    .folders-title .secondary {
      font-weight: normal;
      font-size: var(--ha-font-size-s, 12px);
      color: var(--secondary-text-color);
    }
    .empty {
      padding: 8px;
      color: var(--secondary-text-color);
    }
    .folder-list {
      max-height: 320px;
      overflow-y: auto;
    }
    .folder {
      display: flex;
      align-items: center;
      gap: 12px;
      width: 100%;
      min-height: 48px;
      padding: 0 8px;
      border: none;
      border-radius: 8px;
      background: none;
      color: var(--primary-text-color);
      font: inherit;
      text-align: start;
      cursor: pointer;
    }
    .folder:hover,
    .folder:focus-visible {
      background: var(--secondary-background-color);
    }
    .folder span {
      flex: 1;
      min-width: 0;
      overflow-wrap: anywhere;
    }
    .folder ha-svg-icon {
      color: var(--secondary-text-color);
      flex: none;
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
