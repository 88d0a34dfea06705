// The NFC Jukebox dashboard card: the reader, the chip on it, what plays, and its chips.
import { LitElement, css, html, nothing, type PropertyValues, type TemplateResult } from "lit";
import {
  mdiCamera,
  mdiImageRemove,
  mdiDelete,
  mdiMagnify,
  mdiMusic,
  mdiMusicBox,
  mdiMusicOff,
  mdiNfcVariant,
  mdiPause,
  mdiPencil,
  mdiPlay,
  mdiPlaylistPlay,
  mdiPlus,
  mdiRestart,
  mdiSpeaker,
  mdiTimerOutline,
  mdiTimerPlusOutline,
  mdiTimerSand,
  mdiTuneVariant,
  mdiVolumeHigh,
  mdiWeatherNight,
} from "@mdi/js";
import { virtualize } from "@lit-labs/virtualizer/virtualize.js";
import "./editor";
import "./chip-form";
import "./kids-view";
import "./chips-io";
import { PLAYBACK_DEFAULTS, READERS_SPEAKER, TYPED_MUSIC, type NfcJukeboxChipForm } from "./chip-form";
import { cardText, combine, DOMAIN, errorOf, integrationText, loadTranslations } from "./localize";
import { applyPush } from "./model";
import { isRecording } from "./recordings";
import type {
  CardConfig,
  Chip,
  ChipForm,
  HomeAssistant,
  HouseRules,
  LocalizeFunc,
  Progress,
  ReaderState,
  ReadersMessage,
  ReadersPush,
  RecordingResult,
  SaveResult,
} from "./types";

const CARD_TYPE = "nfc-jukebox-card";
/** From how many chips the list draws only the rows on screen. */
const VIRTUALIZE_FROM = 40;

/** How the card shows why the house rules let a chip start nothing. */
const BLOCK_ICONS = {
  off: mdiMusicOff,
  quiet_hours: mdiWeatherNight,
  limit: mdiTimerSand,
} as const;

/** What the card's form edits: a new chip, or one of the reader's. */
interface Editing {
  subentryId: string | null;
  initial: ChipForm;
}

export class NfcJukeboxCard extends LitElement {
  static override properties = {
    hass: { attribute: false },
    _config: { state: true },
    _message: { state: true },
    _search: { state: true },
    _editing: { state: true },
    _deleting: { state: true },
    _deleteRecording: { state: true },
    _resetting: { state: true },
    _pictureOf: { state: true },
    _error: { state: true },
    _now: { state: true },
    _loaded: { state: true },
  };

  declare hass: HomeAssistant;
  declare _config: CardConfig;
  declare _message: ReadersMessage | undefined;
  declare _search: string;
  declare _editing: Editing | undefined;
  declare _deleting: string | undefined;
  /** Whether deleting a chip that plays a recording deletes the recording too. */
  declare _deleteRecording: boolean;
  /** The music chip whose "Reset progress" waits to be confirmed. */
  declare _resetting: string | undefined;
  /** The chip (UID) whose own picture is being changed or removed. */
  declare _pictureOf: string | undefined;
  declare _error: string | undefined;
  declare _now: number;
  /** The integration's translations, once loaded (undefined until then). */
  declare _loaded: LocalizeFunc | undefined;

  private _unsubscribe: Promise<() => Promise<void>> | undefined;
  private _subscribedTo: string | undefined;
  private _ticker: number | undefined;

  constructor() {
    super();
    this._search = "";
    this._now = Date.now();
    this._deleteRecording = false;
  }

  public static getConfigElement(): HTMLElement {
    return document.createElement(`${CARD_TYPE}-editor`);
  }

  public static getStubConfig(): Record<string, unknown> {
    return {};
  }

  public setConfig(config: CardConfig): void {
    if (config.entry_id !== undefined && typeof config.entry_id !== "string") {
      throw new Error("entry_id must be the id of an NFC Jukebox reader");
    }
    if (config.kids !== undefined && typeof config.kids !== "boolean") {
      throw new Error("kids must be true or false");
    }
    this._config = config;
  }

  public getCardSize(): number {
    if (this._config?.kids) return 8;
    return 4 + Math.min(this._reader?.chips.length ?? 0, 6);
  }

  public getGridOptions(): Record<string, unknown> {
    return { columns: 12, min_columns: 6, min_rows: 4 };
  }

  public override connectedCallback(): void {
    super.connectedCallback();
    if (this.hass) this._subscribe();
  }

  public override disconnectedCallback(): void {
    super.disconnectedCallback();
    this._unsubscribeNow();
    this._stopTicker();
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has("hass") && this.hass) {
      if (!changed.get("hass")) {
        void loadTranslations(this.hass).then((localize) => {
          this._loaded = localize;
        });
      }
      this._subscribe();
    }
    if (changed.has("_config")) this._subscribe();
  }

  private _subscribe(): void {
    if (!this.hass || !this._config || !this.isConnected) return;
    const key = this._config.entry_id ?? "";
    if (this._unsubscribe && this._subscribedTo === key) return;
    this._unsubscribeNow();
    this._subscribedTo = key;
    const message: Record<string, unknown> = { type: `${DOMAIN}/subscribe` };
    if (this._config.entry_id) message.entry_id = this._config.entry_id;
    this._unsubscribe = this.hass.connection.subscribeMessage<ReadersPush>((push) => {
      this._message = applyPush(this._message, push);
      this._syncTicker();
    }, message);
    this._unsubscribe.catch((err: unknown) => {
      this._error = String((err as { message?: string }).message ?? err);
    });
  }

  private _unsubscribeNow(): void {
    if (this._unsubscribe) {
      void this._unsubscribe.then((unsubscribe) => unsubscribe()).catch(() => undefined);
    }
    this._unsubscribe = undefined;
    this._subscribedTo = undefined;
  }

  /** Tick once a second while a sleep timer runs, for its time left. */
  private _syncTicker(): void {
    if (this._reader?.sleep_until) {
      this._ticker ??= window.setInterval(() => {
        this._now = Date.now();
      }, 1000);
      this._now = Date.now();
    } else {
      this._stopTicker();
    }
  }

  private _stopTicker(): void {
    if (this._ticker !== undefined) window.clearInterval(this._ticker);
    this._ticker = undefined;
  }

  private get _reader(): ReaderState | undefined {
    const readers = this._message?.readers ?? [];
    return this._config?.entry_id
      ? readers.find((reader) => reader.entry_id === this._config.entry_id)
      : readers[0];
  }

  private get _lz(): LocalizeFunc {
    return combine(this.hass, this._loaded);
  }

  private _t(key: string, values?: Record<string, string | number>): string {
    return cardText(this._lz, key, values);
  }

  protected override render(): TemplateResult | typeof nothing {
    if (!this.hass || !this._config) return nothing;
    if (!this._message || !this._loaded) {
      return html`<ha-card><div class="loading"></div></ha-card>`;
    }
    const reader = this._reader;
    if (!reader) {
      return html`<ha-card>
        <ha-alert alert-type="warning">
          ${integrationText(this._lz, "exceptions.reader_not_found.message")}
        </ha-alert>
      </ha-card>`;
    }
    if (this._config.kids) {
      // For a child: what plays and its buttons, nothing to administer.
      return html`<ha-card class="kids-card">
        <nfc-jukebox-kids .hass=${this.hass} .reader=${reader} .localize=${this._lz}></nfc-jukebox-kids>
      </ha-card>`;
    }
    const canEdit = this._message.can_edit;
    return html`<ha-card>
      ${this._renderHeader(reader)}
      ${this._error
        ? html`<ha-alert alert-type="error" dismissable @alert-dismissed-clicked=${() =>
            (this._error = undefined)}>${this._error}</ha-alert>`
        : nothing}
      ${this._editing
        ? html`<nfc-jukebox-chip-form
            .hass=${this.hass}
            .localize=${this._lz}
            .initial=${this._editing.initial}
            .isNew=${this._editing.subentryId === null}
            .entryId=${this._reader?.entry_id}
            @chip-save=${this._save}
            @chip-recorded=${this._recorded}
            @chip-cancel=${() => (this._editing = undefined)}
          ></nfc-jukebox-chip-form>`
        : html`${this._renderNow(reader, canEdit)} ${this._renderChips(reader, canEdit)}`}
    </ha-card>`;
  }

  private _renderHeader(reader: ReaderState): TemplateResult {
    return html`<div class="header">
      <ha-svg-icon class="reader-icon" .path=${mdiNfcVariant}></ha-svg-icon>
      <div class="title">${reader.title}</div>
      ${reader.available
        ? nothing
        : html`<span class="badge unavailable">${this._t("reader_unavailable")}</span>`}
    </div>`;
  }

  private _renderNow(reader: ReaderState, canEdit: boolean): TemplateResult {
    const chip = reader.chip;
    const speaker = reader.speaker ? this.hass.states[reader.speaker] : undefined;
    const playing = speaker?.state === "playing";
    const active = speaker && ["playing", "paused", "buffering"].includes(speaker.state);
    const title = active ? speaker.attributes.media_title : undefined;
    // the speaker's artwork, else the picture of the chip that plays
    const chipPicture = chip?.kind === "music" ? chip.picture : undefined;
    const artwork = active ? (speaker.attributes.entity_picture ?? chipPicture ?? undefined) : undefined;
    let chipText: string;
    if (!chip) chipText = this._t("no_chip");
    else if (chip.name) chipText = chip.name;
    else chipText = this._t("new_chip");
    return html`<div class="now">
      <div class="on-reader">
        <div class="chip-token ${chip ? "present" : ""}">
          ${chip?.picture
            ? html`<img class="picture" src=${chip.picture} alt="" decoding="async" />`
            : html`<ha-svg-icon .path=${chip?.kind === "control" ? mdiTuneVariant : mdiMusic}></ha-svg-icon>`}
        </div>
        <div class="on-reader-text">
          <div class="primary">${chipText}</div>
          ${chip ? html`<div class="secondary uid">${chip.uid}</div>` : nothing}
          ${chip?.blocked
            ? html`<div class="blocked">
                <ha-svg-icon .path=${BLOCK_ICONS[chip.blocked]}></ha-svg-icon>${this._t(
                  `blocked_${chip.blocked}`,
                )}
              </div>`
            : nothing}
          ${chip && !chip.assignable ? html`<div class="secondary">${this._t("phone")}</div>` : nothing}
        </div>
        ${chip && !chip.name && chip.assignable && canEdit
          ? html`<ha-button @click=${() => this._assign(chip.uid)}>${this._t("assign")}</ha-button>`
          : nothing}
      </div>
      <div class="player">
        <div class="artwork" style=${artwork ? `background-image:url(${JSON.stringify(artwork)})` : ""}>
          ${artwork ? nothing : html`<ha-svg-icon .path=${mdiSpeaker}></ha-svg-icon>`}
        </div>
        <div class="player-text">
          <div class="primary">${title || this._t("nothing_plays")}</div>
          ${active && reader.progress && (!chip || chip.uid === reader.progress.uid)
            ? html`<div class="secondary progress">${this._progressText(reader, reader.progress)}</div>`
            : nothing}
          <div class="secondary">
            ${[active ? speaker.attributes.media_artist : undefined, this._speakerName(reader.speaker)]
              .filter(Boolean)
              .join(" · ")}
          </div>
          ${reader.speaker_away
            ? html`<div class="secondary fallback">
                ${this._t("on_fallback", { speaker: this._speakerName(reader.speaker_away) })}
              </div>`
            : nothing}
        </div>
        ${active
          ? html`<ha-icon-button
              .label=${this.hass.localize(
                playing ? "ui.card.media_player.media_pause" : "ui.card.media_player.media_play",
              )}
              .path=${playing ? mdiPause : mdiPlay}
              @click=${() => this._playPause(reader)}
            ></ha-icon-button>`
          : nothing}
      </div>
      ${reader.sleep_until || !reader.rules
        ? html`<div class="facts">
            ${reader.sleep_until
              ? html`<span class="fact"
                  ><ha-svg-icon .path=${mdiTimerOutline}></ha-svg-icon>${this._t("sleep_timer")}
                  ${this._timeLeft(reader.sleep_until)}</span
                >`
              : nothing}
            ${reader.rules
              ? nothing
              : html`<span class="fact"
                  ><ha-svg-icon .path=${mdiVolumeHigh}></ha-svg-icon>${this._t("max_volume")}
                  ${reader.max_volume}%</span
                >`}
          </div>`
        : nothing}
      ${reader.rules ? this._renderRules(reader, reader.rules, canEdit) : nothing}
    </div>`;
  }

  /** The house rules: what holds now, and for administrators the switch and more time. */
  private _renderRules(reader: ReaderState, rules: HouseRules, canEdit: boolean): TemplateResult {
    const jukebox = html`<ha-svg-icon .path=${rules.jukebox_on ? mdiMusicBox : mdiMusicOff}></ha-svg-icon
      >${rules.jukebox_on ? this._t("jukebox") : this._t("blocked_off")}`;
    return html`<div class="rules" role="group" aria-label=${this._t("house_rules")}>
      <div class="rules-title">${this._t("house_rules")}</div>
      <div class="facts">
        ${canEdit
          ? html`<button
              class="fact toggle ${rules.jukebox_on ? "on" : "off"}"
              role="switch"
              aria-checked=${rules.jukebox_on ? "true" : "false"}
              aria-label=${this._t("jukebox")}
              title=${this._t("jukebox")}
              @click=${() => this._setRules(reader, { jukebox_on: !rules.jukebox_on })}
            >
              ${jukebox}
            </button>`
          : html`<span class="fact ${rules.jukebox_on ? "on" : "off"}">${jukebox}</span>`}
        ${rules.quiet_hours
          ? html`<span class="fact quiet"
              ><ha-svg-icon .path=${mdiWeatherNight}></ha-svg-icon>${this._t("quiet_hours")}</span
            >`
          : nothing}
        ${rules.minutes_left !== null
          ? html`<span class="fact ${rules.minutes_left <= 0 ? "off" : ""}"
              ><ha-svg-icon .path=${mdiTimerSand}></ha-svg-icon>${this._t("minutes_left", {
                minutes: rules.minutes_left,
              })}</span
            >`
          : nothing}
        ${rules.minutes_left !== null && canEdit
          ? html`<button class="fact action" @click=${() => this._grant(reader)}>
              <ha-svg-icon .path=${mdiTimerPlusOutline}></ha-svg-icon>${this._t("grant")}
            </button>`
          : nothing}
        <span class="fact"
          ><ha-svg-icon .path=${mdiVolumeHigh}></ha-svg-icon>${this._t("volume_range", {
            min: rules.volume[0],
            max: rules.volume[1],
          })}</span
        >
      </div>
    </div>`;
  }

  private _renderChips(reader: ReaderState, canEdit: boolean): TemplateResult {
    const search = this._search.trim().toLowerCase();
    const chips = reader.chips.filter(
      (chip) =>
        !search ||
        [chip.name, chip.uid, this._speakerName(chip.speaker ?? null), this._music(chip)]
          .join(" ")
          .toLowerCase()
          .includes(search),
    );
    return html`<div class="chips">
      <div class="chips-toolbar">
        ${reader.chips.length
          ? html`<label class="search">
              <ha-svg-icon .path=${mdiMagnify}></ha-svg-icon>
              <input
                type="search"
                .value=${this._search}
                placeholder=${this._t("search")}
                aria-label=${this._t("search")}
                @input=${(ev: Event) => (this._search = (ev.target as HTMLInputElement).value)}
              />
            </label>`
          : html`<div class="secondary empty">${this._t("no_chips")}</div>`}
        ${canEdit
          ? html`<ha-button @click=${() => this._assign(reader.chip?.name ? "" : reader.chip?.uid ?? "")}>
              <ha-svg-icon slot="start" .path=${mdiPlus}></ha-svg-icon>${this._t("add")}
            </ha-button>`
          : nothing}
      </div>
      ${canEdit
        ? html`<div class="chip-tools">
              <nfc-jukebox-chips-io
                .hass=${this.hass}
                .localize=${this._lz}
                .entryId=${reader.entry_id}
              ></nfc-jukebox-chips-io>
            </div>
            <input
              class="picture-input"
              type="file"
              accept="image/*"
              aria-label=${this._t("picture")}
              hidden
              @change=${this._pictureChosen}
            />`
        : nothing}
      ${search && !chips.length ? html`<div class="secondary empty">${this._t("no_match")}</div>` : nothing}
      ${chips.length > VIRTUALIZE_FROM
        ? // Hundreds of chips: only the rows on screen are drawn (HA's own lists do the same).
          html`<ul class="chip-list virtual">
            ${virtualize({
              items: chips,
              keyFunction: (chip: Chip) => chip.subentry_id,
              renderItem: (chip: Chip) => this._renderChip(reader, chip, canEdit),
            })}
          </ul>`
        : html`<ul class="chip-list">
            ${chips.map((chip) => this._renderChip(reader, chip, canEdit))}
          </ul>`}
    </div>`;
  }

  private _renderChip(reader: ReaderState, chip: Chip, canEdit: boolean): TemplateResult {
    const onReader = reader.chip?.subentry_id === chip.subentry_id;
    if (this._deleting === chip.subentry_id) {
      return html`<li class="chip confirm">
        <div class="chip-text">
          ${this._t("delete_confirm", { name: chip.name })}
          ${isRecording(chip)
            ? html`<label class="also-recording"
                ><input
                  type="checkbox"
                  .checked=${this._deleteRecording}
                  @change=${(ev: Event) => (this._deleteRecording = (ev.target as HTMLInputElement).checked)}
                />${this._t("delete_recording_too")}</label
              >`
            : nothing}
        </div>
        <div class="actions">
          <ha-button appearance="plain" @click=${() => (this._deleting = undefined)}
            >${this._t("cancel")}</ha-button
          >
          <ha-button variant="danger" @click=${() => this._delete(reader, chip)}
            >${this._t("delete")}</ha-button
          >
        </div>
      </li>`;
    }
    if (this._resetting === chip.subentry_id) {
      return html`<li class="chip confirm">
        <div class="chip-text">${this._t("reset_confirm", { name: chip.name })}</div>
        <div class="actions">
          <ha-button appearance="plain" @click=${() => (this._resetting = undefined)}
            >${this._t("cancel")}</ha-button
          >
          <ha-button @click=${() => this._reset(reader, chip)}>${this._t("reset_progress")}</ha-button>
        </div>
      </li>`;
    }
    if (this._pictureOf === chip.uid) {
      return html`<li class="chip confirm picture-choice">
        <img class="picture" src=${chip.picture ?? ""} alt="" decoding="async" />
        <div class="chip-text">${this._t("picture_of", { name: chip.name })}</div>
        <div class="actions">
          <ha-button appearance="plain" @click=${() => (this._pictureOf = undefined)}
            >${this._t("cancel")}</ha-button
          >
          <ha-button appearance="plain" @click=${() => this._removePicture(chip.uid)}
            ><ha-svg-icon slot="start" .path=${mdiImageRemove}></ha-svg-icon>${this._t("remove_picture")}</ha-button
          >
          <ha-button @click=${() => this._pickPicture(chip.uid)}
            ><ha-svg-icon slot="start" .path=${mdiCamera}></ha-svg-icon>${this._t("new_picture")}</ha-button
          >
        </div>
      </li>`;
    }
    const details =
      chip.kind === "music"
        ? [this._music(chip), this._speakerName(chip.speaker ?? null)]
        : [
            integrationText(this._lz, `selector.action.options.${chip.action ?? ""}`),
            chip.action === "sleep_timer" && chip.minutes
              ? new Intl.NumberFormat(this.hass.locale?.language ?? this.hass.language, {
                  style: "unit",
                  unit: "minute",
                  unitDisplay: "long",
                }).format(chip.minutes)
              : "",
          ];
    const avatar = chip.picture
      ? html`<img class="picture" src=${chip.picture} alt="" loading="lazy" decoding="async" />`
      : html`<ha-svg-icon
          class="kind"
          .path=${chip.kind === "music" ? mdiMusic : mdiTuneVariant}
          title=${this._t(chip.kind === "music" ? "music_chip" : "control_chip")}
        ></ha-svg-icon>`;
    return html`<li class="chip ${onReader ? "on-reader-now" : ""}">
      ${canEdit
        ? html`<button
            class="avatar"
            aria-label=${this._t("picture_of", { name: chip.name })}
            title=${this._t("picture")}
            @click=${() => (chip.own_picture ? (this._pictureOf = chip.uid) : this._pickPicture(chip.uid))}
          >
            ${avatar}<ha-svg-icon class="badge" .path=${mdiCamera}></ha-svg-icon>
          </button>`
        : avatar}
      <div class="chip-text">
        <div class="primary">${chip.name}</div>
        <div class="secondary"><span class="uid">${chip.uid}</span></div>
        <div class="secondary">${details.filter(Boolean).join(" · ")}</div>
      </div>
      <div class="actions">
        ${chip.kind === "music"
          ? html`<ha-icon-button
              .label=${this._t("play_now")}
              .path=${mdiPlaylistPlay}
              @click=${() => this._play(reader, chip)}
            ></ha-icon-button>`
          : nothing}
        ${canEdit && chip.kind === "music"
          ? html`<ha-icon-button
              .label=${this._t("edit")}
              .path=${mdiPencil}
              @click=${() => this._edit(chip)}
            ></ha-icon-button>`
          : nothing}
        ${canEdit && chip.kind === "music"
          ? html`<ha-icon-button
              .label=${this._t("reset_progress")}
              .path=${mdiRestart}
              @click=${() => (this._resetting = chip.subentry_id)}
            ></ha-icon-button>`
          : nothing}
        ${canEdit
          ? html`<ha-icon-button
              .label=${this._t("delete")}
              .path=${mdiDelete}
              @click=${() => {
                this._deleteRecording = false;
                this._deleting = chip.subentry_id;
              }}
            ></ha-icon-button>`
          : nothing}
      </div>
    </li>`;
  }

  /** The chip whose picture the file input takes. */
  private _pictureFor: string | undefined;

  private _pickPicture(uid: string): void {
    this._pictureFor = uid;
    this._pictureOf = undefined;
    const input = this.renderRoot.querySelector<HTMLInputElement>("input.picture-input");
    if (input) {
      input.value = "";
      input.click();
    }
  }

  private async _pictureChosen(ev: Event): Promise<void> {
    const file = (ev.target as HTMLInputElement).files?.[0];
    const uid = this._pictureFor;
    if (!file || !uid) return;
    const form = new FormData();
    form.append("file", file);
    const response = await this.hass.fetchWithAuth(`/api/${DOMAIN}/chips/${uid}/picture`, {
      method: "POST",
      body: form,
    });
    this._error = response.ok ? undefined : await errorOf(this._lz, response);
  }

  private async _removePicture(uid: string): Promise<void> {
    this._pictureOf = undefined;
    const response = await this.hass.fetchWithAuth(`/api/${DOMAIN}/chips/${uid}/picture`, {
      method: "DELETE",
    });
    this._error = response.ok ? undefined : await errorOf(this._lz, response);
  }

  private _speakerName(entityId: string | null): string {
    if (!entityId) return "";
    return this.hass.states[entityId]?.attributes.friendly_name ?? entityId;
  }

  /** What a music chip plays, in words: the media browser's title, else the file. */
  private _music(chip: Chip): string {
    const media = chip.media;
    if (!media) return "";
    if (media.metadata?.title) return media.metadata.title;
    const last = media.media_content_id.split("/").pop() ?? media.media_content_id;
    try {
      return decodeURIComponent(last);
    } catch {
      return last;
    }
  }

  /** "Track 2 of 12"; a podcast's episode by its title: "Episode 3 of 40: The fox". */
  private _progressText(reader: ReaderState, progress: Progress): string {
    const values = { track: progress.track, tracks: progress.tracks, title: progress.title };
    const chip = reader.chips.find((known) => known.uid === progress.uid);
    return this._t(chip?.media?.media_content_type === "podcast" ? "episode_of" : "track_of", values);
  }

  private _timeLeft(until: string): string {
    const seconds = Math.max(0, Math.round((Date.parse(until) - this._now) / 1000));
    const minutes = Math.floor(seconds / 60);
    return `${minutes}:${String(seconds % 60).padStart(2, "0")}`;
  }

  private _assign(uid: string): void {
    const initial: ChipForm = {
      uid,
      name: "",
      play_on: READERS_SPEAKER,
      playback: { ...PLAYBACK_DEFAULTS },
    };
    // The reader's speaker (or the one its chips play on) is the one a new chip wants
    // nearly always: the parent only picks the music.
    const reader = this._reader;
    const speaker = reader?.speaker ?? reader?.chips.find((chip) => chip.speaker)?.speaker;
    if (speaker) initial.media = { entity_id: speaker, media_content_id: "", media_content_type: "" };
    this._editing = { subentryId: null, initial };
  }

  private _edit(chip: Chip): void {
    const initial: ChipForm = {
      uid: chip.uid,
      name: chip.name,
      playback: { ...PLAYBACK_DEFAULTS, ...chip.playback },
    };
    if (chip.media) initial.media = chip.media;
    const typed = chip.media ? TYPED_MUSIC[chip.media.media_content_type] : undefined;
    if (chip.media && typed) {
      // A typed feed or stream is shown where it was typed, not in the media browser.
      initial[typed] = chip.media.media_content_id;
      initial.media = { entity_id: chip.media.entity_id, media_content_id: "", media_content_type: "" };
    }
    initial.play_on = chip.play_on ?? READERS_SPEAKER;
    this._editing = { subentryId: chip.subentry_id, initial };
  }

  private async _save(ev: CustomEvent<ChipForm>): Promise<void> {
    const reader = this._reader;
    const editing = this._editing;
    if (!reader || !editing) return;
    const form = ev.target as NfcJukeboxChipForm;
    const message: Record<string, unknown> = {
      type: `${DOMAIN}/chip/save`,
      entry_id: reader.entry_id,
      ...ev.detail,
    };
    if (editing.subentryId) message.subentry_id = editing.subentryId;
    try {
      const result = await this.hass.callWS<SaveResult>(message);
      if (result.errors) {
        form.placeholders = result.placeholders;
        form.errors = result.errors;
        return;
      }
      this._editing = undefined;
    } catch (err) {
      form.failure = this._failure(err);
    }
  }

  /** A recording saved the chip: the form edits that chip from now on. */
  private _recorded = (ev: CustomEvent<RecordingResult>): void => {
    if (this._editing && ev.detail.subentry_id) {
      this._editing = { ...this._editing, subentryId: ev.detail.subentry_id };
    }
  };

  private async _delete(reader: ReaderState, chip: Chip): Promise<void> {
    this._deleting = undefined;
    await this._call({
      type: `${DOMAIN}/chip/delete`,
      entry_id: reader.entry_id,
      subentry_id: chip.subentry_id,
    });
    if (this._deleteRecording && isRecording(chip) && chip.media) {
      await this._call({ type: `${DOMAIN}/recording/delete`, media_content_id: chip.media.media_content_id });
    }
  }

  private async _reset(reader: ReaderState, chip: Chip): Promise<void> {
    this._resetting = undefined;
    await this._call({
      type: `${DOMAIN}/chip/reset`,
      entry_id: reader.entry_id,
      subentry_id: chip.subentry_id,
    });
  }

  private async _play(reader: ReaderState, chip: Chip): Promise<void> {
    await this._call({
      type: `${DOMAIN}/chip/play`,
      entry_id: reader.entry_id,
      subentry_id: chip.subentry_id,
    });
  }

  private async _setRules(reader: ReaderState, rules: Partial<HouseRules>): Promise<void> {
    await this._call({ type: `${DOMAIN}/rules/set`, entry_id: reader.entry_id, ...rules });
  }

  private async _grant(reader: ReaderState): Promise<void> {
    await this._call({ type: `${DOMAIN}/rules/grant`, entry_id: reader.entry_id });
  }

  /** Play or pause as the kids view does: for anyone, so through the house rules. */
  private async _playPause(reader: ReaderState): Promise<void> {
    await this._call({ type: `${DOMAIN}/press`, entry_id: reader.entry_id, button: "play_pause" });
  }

  private async _call(message: Record<string, unknown>): Promise<void> {
    try {
      await this.hass.callWS(message);
    } catch (err) {
      this._error = this._failure(err);
    }
  }

  /** An error of the server, in the user's language where the server named one. */
  private _failure(err: unknown): string {
    const error = err as { message?: string; translation_key?: string };
    if (error.translation_key) {
      const text = integrationText(this._lz, `exceptions.${error.translation_key}.message`);
      if (text) return text;
    }
    return error.message ?? String(err);
  }

  static override styles = css`
    :host {
      display: block;
    }
    ha-card {
      height: 100%;
      overflow: hidden;
    }
    .loading {
      min-height: 120px;
    }
    .header {
      display: flex;
      align-items: center;
      gap: 12px;
      padding: 16px 16px 8px;
    }
    .reader-icon {
      color: var(--state-icon-color, var(--primary-color));
    }
    .title {
      flex: 1;
      font-size: var(--ha-font-size-xl, 20px);
      font-weight: var(--ha-font-weight-normal, 400);
      color: var(--primary-text-color);
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
    }
    .badge {
      font-size: var(--ha-font-size-s, 12px);
      padding: 2px 8px;
      border-radius: 12px;
    }
    .unavailable {
      background: var(--error-color);
      color: var(--text-primary-color, #fff);
    }
    .now {
      display: flex;
      flex-direction: column;
      gap: 12px;
      padding: 8px 16px 16px;
    }
    .on-reader,
    .player {
      display: flex;
      align-items: center;
      gap: 12px;
      min-width: 0;
    }
    .chip-token {
      flex: none;
      width: 48px;
      height: 48px;
      border-radius: 50%;
      border: 2px dashed var(--divider-color);
      display: flex;
      align-items: center;
      justify-content: center;
      color: var(--secondary-text-color);
    }
    .chip-token.present {
      border: 2px solid var(--primary-color);
      background: var(--primary-color);
      color: var(--text-primary-color, #fff);
    }
    .on-reader-text,
    .player-text,
    .chip-text {
      flex: 1;
      min-width: 0;
    }
    .primary {
      color: var(--primary-text-color);
      font-size: var(--ha-font-size-m, 14px);
      font-weight: var(--ha-font-weight-medium, 500);
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
    }
    .secondary {
      color: var(--secondary-text-color);
      font-size: var(--ha-font-size-s, 12px);
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
    }
    .uid {
      font-family: var(--ha-font-family-code, monospace);
    }
    .artwork {
      flex: none;
      width: 48px;
      height: 48px;
      border-radius: var(--ha-card-border-radius, 12px);
      background: var(--secondary-background-color) center / cover no-repeat;
      display: flex;
      align-items: center;
      justify-content: center;
      color: var(--secondary-text-color);
    }
    .facts {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
    }
    .fact {
      display: inline-flex;
      align-items: center;
      gap: 4px;
      padding: 4px 10px;
      border-radius: 16px;
      background: var(--secondary-background-color);
      color: var(--primary-text-color);
      font-size: var(--ha-font-size-s, 12px);
      --mdc-icon-size: 16px;
    }
    .fact ha-svg-icon {
      --mdc-icon-size: 16px;
      width: 16px;
      height: 16px;
    }
    .blocked {
      display: flex;
      align-items: center;
      gap: 4px;
      color: var(--warning-color);
      font-size: var(--ha-font-size-s, 12px);
      font-weight: var(--ha-font-weight-medium, 500);
    }
    .blocked ha-svg-icon {
      --mdc-icon-size: 16px;
      width: 16px;
      height: 16px;
    }
    .rules {
      display: flex;
      flex-direction: column;
      gap: 6px;
    }
    .rules-title {
      color: var(--secondary-text-color);
      font-size: var(--ha-font-size-s, 12px);
      font-weight: var(--ha-font-weight-medium, 500);
    }
    .rules .facts {
      align-items: center;
    }
    button.fact {
      border: none;
      font: inherit;
      font-size: var(--ha-font-size-s, 12px);
      cursor: pointer;
    }
    .fact.action {
      color: var(--primary-color);
      background: none;
      box-shadow: inset 0 0 0 1px var(--primary-color);
    }
    .fact.on {
      background: rgba(var(--rgb-primary-color, 3, 169, 244), 0.15);
      color: var(--primary-color);
    }
    .fact.off {
      background: rgba(var(--rgb-warning-color, 255, 166, 0), 0.15);
      color: var(--warning-color);
    }
    .fact.quiet {
      background: rgba(var(--rgb-indigo-color, 63, 81, 181), 0.15);
      color: var(--indigo-color, #3f51b5);
    }
    button.fact:focus-visible {
      outline: 2px solid var(--primary-color);
      outline-offset: 2px;
    }
    .chips {
      border-top: 1px solid var(--divider-color);
      padding: 8px 0 8px;
    }
    .chips-toolbar {
      display: flex;
      align-items: center;
      gap: 8px;
      padding: 0 16px;
    }
    .search {
      flex: 1;
      display: flex;
      align-items: center;
      gap: 8px;
      min-width: 0;
      padding: 0 12px;
      height: 40px;
      border-radius: 20px;
      background: var(--secondary-background-color);
      color: var(--secondary-text-color);
    }
    .search input {
      flex: 1;
      min-width: 0;
      border: none;
      outline: none;
      background: none;
      color: var(--primary-text-color);
      font: inherit;
      font-size: var(--ha-font-size-m, 14px);
    }
    .empty {
      flex: 1;
      padding: 8px 0;
      white-space: normal;
    }
    .chip-list {
      list-style: none;
      margin: 0;
      padding: 0;
    }
    .chip-list.virtual {
      display: block;
    }
    .chip-list.virtual > li {
      width: 100%;
      box-sizing: border-box;
    }
    .chip {
      display: flex;
      align-items: center;
      gap: 12px;
      padding: 6px 4px 6px 16px;
      min-width: 0;
    }
    .chip.on-reader-now {
      background: rgba(var(--rgb-primary-color, 3, 169, 244), 0.1);
    }
    .also-recording {
      display: flex;
      align-items: center;
      gap: 8px;
      min-height: 48px;
      font-size: var(--ha-font-size-s, 12px);
      color: var(--secondary-text-color);
      cursor: pointer;
    }
    .chip.picture-choice {
      flex-wrap: wrap;
    }
    .chip.picture-choice .chip-text {
      min-width: 8em;
    }
    .chip.picture-choice .actions {
      flex: 1 1 auto;
      flex-wrap: wrap;
      justify-content: flex-end;
    }
    .chip.confirm .chip-text {
      white-space: normal;
      color: var(--primary-text-color);
    }
    .chip-tools {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 4px;
    }
    button.avatar {
      position: relative;
      flex: none;
      display: flex;
      align-items: center;
      justify-content: center;
      width: 48px;
      height: 48px;
      margin: -4px;
      padding: 0;
      border: none;
      border-radius: 50%;
      background: none;
      color: inherit;
      cursor: pointer;
    }
    button.avatar:focus-visible {
      outline: 2px solid var(--primary-color);
    }
    button.avatar .badge {
      position: absolute;
      right: 0;
      bottom: 0;
      --mdc-icon-size: 14px;
      width: 18px;
      height: 18px;
      padding: 2px;
      box-sizing: border-box;
      border-radius: 50%;
      color: var(--text-primary-color, #fff);
      background: var(--primary-color);
    }
    img.picture {
      flex: none;
      width: 40px;
      height: 40px;
      border-radius: 50%;
      object-fit: cover;
      background: var(--secondary-background-color);
    }
    .chip-token img.picture {
      width: 100%;
      height: 100%;
    }
    .kind {
      flex: none;
      color: var(--state-icon-color, var(--secondary-text-color));
    }
    .actions {
      flex: none;
      display: flex;
      align-items: center;
      color: var(--secondary-text-color);
    }
    ha-alert {
      display: block;
      margin: 0 16px 8px;
    }
  `;
}

customElements.define(CARD_TYPE, NfcJukeboxCard);

interface CustomCard {
  type: string;
  name: string;
  description: string;
  preview?: boolean;
  documentationURL?: string;
}

const customCards = ((window as unknown as { customCards?: CustomCard[] }).customCards ??= []);
customCards.push({
  type: CARD_TYPE,
  name: "NFC Jukebox",
  description: "The reader, the chip on it, what plays, and every chip of the home.",
  preview: true,
  documentationURL: "https://github.com/nfc-jukebox/nfc-jukebox#dashboard-card",
});
