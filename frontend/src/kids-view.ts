// The card's view for a child (`kids: true`): what plays, big, and the buttons a child needs.
import { LitElement, css, html, nothing, type PropertyValues, type TemplateResult } from "lit";
import {
  mdiMusicNote,
  mdiMusicOff,
  mdiPause,
  mdiPlay,
  mdiSkipNext,
  mdiSkipPrevious,
  mdiTimerSand,
  mdiVolumeMinus,
  mdiVolumePlus,
  mdiWeatherNight,
} from "@mdi/js";
import { cardText, DOMAIN, integrationText } from "./localize";
import type { HomeAssistant, LocalizeFunc, ReaderState } from "./types";

/** Why the house rules let nothing play, as the view shows it. */
type Why = "off" | "quiet_hours" | "limit";

const WHY_ICONS: Record<Why, string> = {
  off: mdiMusicOff,
  quiet_hours: mdiWeatherNight,
  limit: mdiTimerSand,
};

/** A button of the kids view, as the server names it (playback/remote.py). */
type Button = "play_pause" | "next" | "previous" | "volume_up" | "volume_down";

export class NfcJukeboxKidsView extends LitElement {
  static override properties = {
    hass: { attribute: false },
    reader: { attribute: false },
    localize: { attribute: false },
    _refused: { state: true },
    _failure: { state: true },
  };

  declare hass: HomeAssistant;
  declare reader: ReaderState;
  declare localize: LocalizeFunc;
  /** Why the house rules refused the last button pressed (until the music changes). */
  declare _refused: Why | undefined;
  declare _failure: string | undefined;

  private _t(key: string, values?: Record<string, string | number>): string {
    return cardText(this.localize, key, values);
  }

  protected override willUpdate(changed: PropertyValues): void {
    // What the speaker does changed: an old refusal no longer says why.
    const before = changed.get("hass") as HomeAssistant | undefined;
    const speaker = this.reader?.speaker;
    if (before && speaker && before.states[speaker]?.state !== this.hass.states[speaker]?.state) {
      this._refused = undefined;
      this._failure = undefined;
    }
  }

  /** Why nothing may play now: the chip on the reader was refused, a button was, or the rules. */
  private get _why(): Why | undefined {
    const rules = this.reader.rules;
    if (this.reader.chip?.blocked) return this.reader.chip.blocked;
    if (this._refused) return this._refused;
    if (rules && !rules.jukebox_on) return "off";
    if (rules && rules.minutes_left !== null && rules.minutes_left <= 0) return "limit";
    return undefined;
  }

  protected override render(): TemplateResult | typeof nothing {
    if (!this.hass || !this.reader || !this.localize) return nothing;
    const speaker = this.reader.speaker ? this.hass.states[this.reader.speaker] : undefined;
    const playing = speaker?.state === "playing";
    const active = !!speaker && ["playing", "paused", "buffering"].includes(speaker.state);
    // the speaker's artwork, else the picture of the chip that plays
    const chipPicture = this.reader.chip?.kind === "music" ? this.reader.chip.picture : undefined;
    const artwork = active ? (speaker.attributes.entity_picture ?? chipPicture ?? undefined) : undefined;
    const title = (active && speaker.attributes.media_title) || this._t("kids_put_chip");
    const why = this._why;
    const ready = active && !!this.reader.rules;
    return html`<div class="kids">
      <div
        class="artwork ${artwork ? "" : "empty"}"
        role="img"
        aria-label=${title}
        style=${artwork ? `background-image:url(${JSON.stringify(artwork)})` : ""}
      >
        ${artwork ? nothing : html`<ha-svg-icon .path=${mdiMusicNote}></ha-svg-icon>`}
      </div>
      <div class="side">
        <div class="title">${title}</div>
        ${why
          ? html`<div class="why ${why}" role="status" data-refused=${this._refused ?? ""}>
              <ha-svg-icon .path=${WHY_ICONS[why]}></ha-svg-icon>${this._t(`blocked_${why}`)}
            </div>`
          : nothing}
        ${this._failure ? html`<div class="why failure" role="alert">${this._failure}</div>` : nothing}
        <div class="transport">
          ${this._button("previous", mdiSkipPrevious, this._t("kids_previous"), !ready)}
          ${this._button(
            "play_pause",
            playing ? mdiPause : mdiPlay,
            this._t(playing ? "kids_pause" : "kids_play"),
            !ready,
            "main",
          )}
          ${this._button("next", mdiSkipNext, this._t("kids_next"), !ready)}
        </div>
        ${this._renderVolume(speaker?.attributes.volume_level as number | undefined, active)}
        ${this.reader.rules?.minutes_left != null && this.reader.rules.minutes_left > 0
          ? html`<div class="left">
              <ha-svg-icon .path=${mdiTimerSand}></ha-svg-icon>${this._t("minutes_left", {
                minutes: this.reader.rules.minutes_left,
              })}
            </div>`
          : nothing}
      </div>
    </div>`;
  }

  /** Quieter and louder, around how loud it is within the house range. */
  private _renderVolume(level: number | undefined, active: boolean): TemplateResult {
    const [low, high] = this.reader.rules?.volume ?? [0, this.reader.max_volume];
    const percent = level === undefined ? low : Math.round(level * 100);
    const filled = high > low ? Math.min(1, Math.max(0, (percent - low) / (high - low))) : 1;
    const disabled = !active || level === undefined;
    return html`<div class="volume">
      ${this._button("volume_down", mdiVolumeMinus, this._t("kids_quieter"), disabled || percent <= low)}
      <div
        class="meter"
        role="meter"
        aria-label=${this._t("kids_volume")}
        aria-valuemin=${low}
        aria-valuemax=${high}
        aria-valuenow=${percent}
      >
        <div class="fill" style="width:${Math.round(filled * 100)}%"></div>
      </div>
      ${this._button("volume_up", mdiVolumePlus, this._t("kids_louder"), disabled || percent >= high)}
    </div>`;
  }

  private _button(
    button: Button,
    path: string,
    label: string,
    disabled: boolean,
    kind = "",
  ): TemplateResult {
    return html`<button
      class="press ${kind}"
      data-button=${button}
      aria-label=${label}
      title=${label}
      ?disabled=${disabled}
      @click=${() => this._press(button)}
    >
      <ha-svg-icon .path=${path}></ha-svg-icon>
    </button>`;
  }

  private async _press(button: Button): Promise<void> {
    this._failure = undefined;
    try {
      await this.hass.callWS({ type: `${DOMAIN}/press`, entry_id: this.reader.entry_id, button });
      this._refused = undefined;
    } catch (err) {
      const error = err as { message?: string; translation_key?: string };
      const key = error.translation_key ?? "";
      if (key.startsWith("blocked_")) {
        this._refused = key.slice("blocked_".length) as Why;
        return;
      }
      this._failure =
        (key && integrationText(this.localize, `exceptions.${key}.message`)) ||
        (error.message ?? String(err));
    }
  }

  static override styles = css`
    :host {
      display: block;
      container-type: inline-size;
    }
    .kids {
      display: flex;
      flex-direction: column;
      align-items: center;
      gap: 16px;
      padding: 16px;
    }
    .artwork {
      width: min(100%, 320px);
      aspect-ratio: 1;
      border-radius: var(--ha-card-border-radius, 12px);
      background: var(--secondary-background-color) center / cover no-repeat;
      display: flex;
      align-items: center;
      justify-content: center;
      color: var(--secondary-text-color);
      --mdc-icon-size: 96px;
    }
    .artwork ha-svg-icon {
      width: 96px;
      height: 96px;
    }
    .side {
      display: flex;
      flex-direction: column;
      align-items: center;
      gap: 16px;
      width: 100%;
      min-width: 0;
    }
    .title {
      max-width: 100%;
      color: var(--primary-text-color);
      font-size: var(--ha-font-size-2xl, 24px);
      font-weight: var(--ha-font-weight-medium, 500);
      text-align: center;
      overflow-wrap: anywhere;
    }
    .why,
    .left {
      display: flex;
      align-items: center;
      gap: 8px;
      padding: 8px 16px;
      border-radius: 24px;
      font-size: var(--ha-font-size-l, 16px);
      font-weight: var(--ha-font-weight-medium, 500);
      --mdc-icon-size: 28px;
    }
    .why {
      background: rgba(var(--rgb-warning-color, 255, 166, 0), 0.15);
      color: var(--warning-color);
    }
    .why.quiet_hours {
      background: rgba(var(--rgb-indigo-color, 63, 81, 181), 0.15);
      color: var(--indigo-color, #3f51b5);
    }
    .why.failure {
      background: rgba(var(--rgb-error-color, 219, 68, 55), 0.15);
      color: var(--error-color);
      text-align: center;
    }
    .left {
      color: var(--secondary-text-color);
      font-size: var(--ha-font-size-m, 14px);
      --mdc-icon-size: 20px;
    }
    .transport,
    .volume {
      display: flex;
      align-items: center;
      justify-content: center;
      gap: 24px;
      width: 100%;
    }
    .volume {
      gap: 16px;
      max-width: 420px;
    }
    .press {
      flex: none;
      width: 72px;
      height: 72px;
      border: none;
      border-radius: 50%;
      padding: 0;
      display: flex;
      align-items: center;
      justify-content: center;
      background: var(--secondary-background-color);
      color: var(--primary-text-color);
      cursor: pointer;
      touch-action: manipulation;
      --mdc-icon-size: 40px;
    }
    .press ha-svg-icon {
      width: 40px;
      height: 40px;
    }
    .press.main {
      width: 104px;
      height: 104px;
      background: var(--primary-color);
      color: var(--text-primary-color, #fff);
      --mdc-icon-size: 64px;
    }
    .press.main ha-svg-icon {
      width: 64px;
      height: 64px;
    }
    .volume .press {
      width: 64px;
      height: 64px;
    }
    .press:disabled {
      opacity: 0.4;
      cursor: default;
    }
    .press:focus-visible {
      outline: 3px solid var(--primary-color);
      outline-offset: 3px;
    }
    .meter {
      flex: 1;
      height: 16px;
      border-radius: 8px;
      background: var(--secondary-background-color);
      overflow: hidden;
    }
    .fill {
      height: 100%;
      background: var(--primary-color);
      border-radius: 8px;
    }
    @container (min-width: 640px) {
      .kids {
        flex-direction: row;
        align-items: center;
        gap: 32px;
        padding: 24px;
      }
      .artwork {
        width: min(45%, 360px);
      }
      .side {
        flex: 1;
      }
    }
    @container (max-width: 360px) {
      .transport {
        gap: 12px;
      }
      .press {
        width: 64px;
        height: 64px;
      }
      .press.main {
        width: 88px;
        height: 88px;
      }
    }
  `;
}

customElements.define("nfc-jukebox-kids", NfcJukeboxKidsView);
