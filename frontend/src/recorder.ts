// Record or upload a story in the chip form: the microphone or audio files, sent to the
// integration's recordings endpoint, which makes the MP3 and gives it to the chip.
import { mdiMicrophone, mdiStop, mdiUpload } from "@mdi/js";
import { LitElement, css, html, nothing, type TemplateResult } from "lit";
import { cardText, integrationText } from "./localize";
import type { HomeAssistant, LocalizeFunc, RecordingResult } from "./types";

export const RECORDINGS_URL = "/api/nfc_jukebox/recordings";

/** What the panel is doing: nothing, listening to the microphone, sending, or waiting. */
type Stage = "idle" | "recording" | "uploading" | "preparing";

/** What the upload is for: the recording's name and the chip that will play it. */
export interface RecordingTarget {
  name: string;
  uid?: string;
  entryId?: string;
  speaker?: string;
}

interface ServerError {
  message?: string;
  translation_key?: string;
  translation_placeholders?: Record<string, string>;
}

/** How long a recording survives its form being out of the page (a dashboard's re-layout waits for its cards' sizes). */
const GONE_AFTER_MS = 3000;

/** Whether this page may ask for the microphone (HTTPS, or localhost). */
export const canRecord = (): boolean =>
  window.isSecureContext && typeof MediaRecorder !== "undefined" && !!navigator.mediaDevices?.getUserMedia;

export class NfcJukeboxRecorder extends LitElement {
  static override properties = {
    hass: { attribute: false },
    localize: { attribute: false },
    target: { attribute: false },
    _stage: { state: true },
    _percent: { state: true },
    _seconds: { state: true },
    _error: { state: true },
    _taken: { state: true },
  };

  declare hass: HomeAssistant;
  declare localize: LocalizeFunc;
  declare target: RecordingTarget;
  declare _stage: Stage;
  declare _percent: number;
  declare _seconds: number;
  declare _error: string | undefined;
  /** The files of an upload whose name was taken: sent again if the parent replaces it. */
  declare _taken: File[] | undefined;
  private _recorder?: MediaRecorder;
  private _chunks: Blob[] = [];
  private _timer?: number;
  /** Set while the panel is out of the page during a recording. */
  private _away?: number;

  constructor() {
    super();
    this._stage = "idle";
    this._percent = 0;
    this._seconds = 0;
  }

  public override connectedCallback(): void {
    super.connectedCallback();
    window.clearTimeout(this._away);
    this._away = undefined;
  }

  /**
   * A dashboard moves its cards between columns when its width changes (a phone turned,
   * the sidebar shown): the recording goes on. Only a form that stays gone (closed, the
   * page left) lets the microphone go and throws the recording away.
   */
  public override disconnectedCallback(): void {
    super.disconnectedCallback();
    if (this._recorder) this._away = window.setTimeout(() => this._discard(), GONE_AFTER_MS);
  }

  protected override render(): TemplateResult {
    const busy = this._stage !== "idle";
    const noName = !this.target?.name?.trim();
    return html`<div class="recorder">
      <div class="buttons">
        ${this._stage === "recording"
          ? html`<ha-button class="stop" variant="danger" @click=${this._stop}>
              <ha-svg-icon slot="start" .path=${mdiStop}></ha-svg-icon>
              ${cardText(this.localize, "stop_recording", { time: this._time() })}
            </ha-button>`
          : html`<ha-button
              class="record"
              appearance="plain"
              .disabled=${busy || noName || !canRecord()}
              @click=${this._record}
            >
              <ha-svg-icon slot="start" .path=${mdiMicrophone}></ha-svg-icon>
              ${cardText(this.localize, "record")}
            </ha-button>`}
        <ha-button class="upload" appearance="plain" .disabled=${busy || noName} @click=${this._pick}>
          <ha-svg-icon slot="start" .path=${mdiUpload}></ha-svg-icon>
          ${cardText(this.localize, "upload")}
        </ha-button>
        <input type="file" accept="audio/*" multiple hidden @change=${this._picked} />
      </div>
      ${noName && !busy ? html`<div class="secondary">${cardText(this.localize, "recording_name_first")}</div>` : nothing}
      ${canRecord()
        ? nothing
        : html`<ha-alert class="insecure" alert-type="info">${cardText(this.localize, "recording_insecure")}</ha-alert>`}
      ${this._renderProgress()}
      ${this._error
        ? html`<ha-alert alert-type="error"
            >${this._error}
            ${this._taken
              ? html`<ha-button slot="action" size="s" @click=${this._replace}
                  >${cardText(this.localize, "replace_recording")}</ha-button
                >`
              : nothing}
          </ha-alert>`
        : nothing}
    </div>`;
  }

  private _renderProgress(): TemplateResult | typeof nothing {
    if (this._stage === "uploading") {
      return html`<div class="progress">
        <progress max="100" .value=${this._percent}></progress>
        <span>${cardText(this.localize, "uploading", { percent: this._percent })}</span>
      </div>`;
    }
    if (this._stage === "preparing") {
      return html`<div class="progress">
        <progress></progress>
        <span>${cardText(this.localize, "preparing")}</span>
      </div>`;
    }
    return nothing;
  }

  private _time(): string {
    const minutes = Math.floor(this._seconds / 60);
    return `${minutes}:${String(this._seconds % 60).padStart(2, "0")}`;
  }

  private async _record(): Promise<void> {
    this._error = undefined;
    let stream: MediaStream;
    try {
      stream = await navigator.mediaDevices.getUserMedia({ audio: true });
    } catch {
      this._error = cardText(this.localize, "microphone_denied");
      return;
    }
    this._chunks = [];
    const recorder = new MediaRecorder(stream);
    recorder.addEventListener("dataavailable", (ev: BlobEvent) => {
      if (ev.data.size) this._chunks.push(ev.data);
    });
    recorder.addEventListener("stop", () => {
      stream.getTracks().forEach((track) => track.stop());
      if (this._recorder !== recorder) return;
      this._recorder = undefined;
      const type = recorder.mimeType || "audio/webm";
      const suffix = type.includes("ogg") ? "ogg" : type.includes("mp4") ? "m4a" : "webm";
      const file = new File(this._chunks, `${this.target.name}.${suffix}`, { type });
      void this._upload([file]);
    });
    this._recorder = recorder;
    this._seconds = 0;
    this._timer = window.setInterval(() => (this._seconds += 1), 1000);
    recorder.start(1000);
    this._stage = "recording";
  }

  private _stop(): void {
    window.clearInterval(this._timer);
    this._recorder?.stop();
  }

  /** Let the microphone go without sending anything. */
  private _discard(): void {
    const recorder = this._recorder;
    window.clearInterval(this._timer);
    this._away = undefined;
    this._recorder = undefined;
    this._chunks = [];
    this._stage = "idle";
    if (recorder && recorder.state !== "inactive") recorder.stop();
  }

  private _pick(): void {
    this.renderRoot.querySelector<HTMLInputElement>("input[type=file]")?.click();
  }

  private _picked(ev: Event): void {
    const input = ev.target as HTMLInputElement;
    const files = Array.from(input.files ?? []);
    input.value = "";
    if (files.length) void this._upload(files);
  }

  private _replace(): void {
    const files = this._taken;
    if (files) void this._upload(files, true);
  }

  /** Send the files; the server answers once the recording is made (and the chip saved). */
  private async _upload(files: File[], replace = false): Promise<void> {
    this._error = undefined;
    this._taken = undefined;
    this._stage = "uploading";
    this._percent = 0;
    const form = new FormData();
    form.append("name", this.target.name.trim());
    if (this.target.uid && this.target.entryId) {
      form.append("uid", this.target.uid);
      form.append("entry_id", this.target.entryId);
      if (this.target.speaker) form.append("speaker", this.target.speaker);
    }
    if (replace) form.append("replace", "1");
    for (const file of files) form.append("file", file, file.name);
    try {
      const result = await this._send(form);
      this.dispatchEvent(new CustomEvent<RecordingResult>("recording-made", { detail: result }));
    } catch (err) {
      this._error = this._message(err as ServerError);
      if ((err as ServerError)?.translation_key === "recording_name_taken") this._taken = files;
    } finally {
      this._stage = "idle";
    }
  }

  private async _send(form: FormData): Promise<RecordingResult> {
    const auth = this.hass.auth;
    if (auth?.expired) await auth.refreshAccessToken();
    const url = this.hass.hassUrl ? this.hass.hassUrl(RECORDINGS_URL) : RECORDINGS_URL;
    return new Promise<RecordingResult>((resolve, reject) => {
      const request = new XMLHttpRequest();
      request.open("POST", url);
      if (auth) request.setRequestHeader("Authorization", `Bearer ${auth.data.access_token}`);
      request.responseType = "json";
      request.upload.addEventListener("progress", (ev) => {
        if (ev.lengthComputable) this._percent = Math.round((ev.loaded / ev.total) * 100);
      });
      request.upload.addEventListener("load", () => (this._stage = "preparing"));
      request.addEventListener("load", () => {
        const body = request.response as RecordingResult & ServerError;
        if (request.status === 200) resolve(body);
        else reject(body ?? { message: String(request.status) });
      });
      request.addEventListener("error", () => reject({ translation_key: "recording_upload_broken" }));
      request.send(form);
    });
  }

  /** The server's error in the user's language (its own text in the home's otherwise). */
  private _message(err: ServerError): string {
    const key = err?.translation_key;
    const text = key
      ? integrationText(this.localize, `exceptions.${key}.message`, err.translation_placeholders)
      : "";
    return text || err?.message || String(err);
  }

  static override styles = css`
    .recorder {
      margin: -8px 0 16px;
    }
    .buttons {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
    }
    .secondary {
      color: var(--secondary-text-color);
      font-size: var(--ha-font-size-s, 12px);
      margin-top: 4px;
    }
    ha-alert {
      display: block;
      margin-top: 8px;
    }
    .progress {
      display: flex;
      align-items: center;
      gap: 12px;
      margin-top: 8px;
      color: var(--secondary-text-color);
    }
    progress {
      flex: 1;
      min-width: 0;
      accent-color: var(--primary-color);
    }
  `;
}

customElements.define("nfc-jukebox-recorder", NfcJukeboxRecorder);
