// The card's Back up chips and Restore: the home's chips in one file, a preview before a restore.
import { LitElement, css, html, nothing, type TemplateResult } from "lit";
import { mdiDownload, mdiUpload } from "@mdi/js";
import { cardText, DOMAIN, errorOf } from "./localize";
import type { HomeAssistant, LocalizeFunc } from "./types";

const EXPORT = `/api/${DOMAIN}/chips/export`;
const IMPORT = `/api/${DOMAIN}/chips/import`;

interface Named {
  uid: string;
  name: string;
}

/** What the server says a restore does (chips/backup.py: Restore.summary). */
export interface RestoreSummary {
  applied: boolean;
  new: Named[];
  changed: (Named & { was: string })[];
  conflicts: (Named & { reason: string })[];
  unchanged: number;
}

interface Preview {
  file: File;
  summary: RestoreSummary;
}

export class NfcJukeboxChipsIo extends LitElement {
  static override properties = {
    hass: { attribute: false },
    localize: { attribute: false },
    entryId: { attribute: false },
    _preview: { state: true },
    _done: { state: true },
    _failure: { state: true },
    _busy: { state: true },
  };

  declare hass: HomeAssistant;
  declare localize: LocalizeFunc;
  /** The reader new chips are stored on. */
  declare entryId: string;
  declare _preview: Preview | undefined;
  declare _done: RestoreSummary | undefined;
  declare _failure: string | undefined;
  declare _busy: boolean;

  private _t(key: string, values?: Record<string, string | number>): string {
    return cardText(this.localize, key, values);
  }

  protected override render(): TemplateResult {
    return html`<div class="buttons">
        <ha-button appearance="plain" size="s" @click=${this._backUp} ?disabled=${this._busy}>
          <ha-svg-icon slot="start" .path=${mdiDownload}></ha-svg-icon>${this._t("backup")}
        </ha-button>
        <ha-button appearance="plain" size="s" @click=${this._pick} ?disabled=${this._busy}>
          <ha-svg-icon slot="start" .path=${mdiUpload}></ha-svg-icon>${this._t("restore")}
        </ha-button>
        <input
          type="file"
          accept="application/json,.json"
          aria-label=${this._t("restore")}
          @change=${this._chosen}
          hidden
        />
      </div>
      ${this._failure
        ? html`<ha-alert alert-type="error" dismissable @alert-dismissed-clicked=${() =>
            (this._failure = undefined)}>${this._failure}</ha-alert>`
        : nothing}
      ${this._done
        ? html`<ha-alert alert-type="success" dismissable @alert-dismissed-clicked=${() =>
            (this._done = undefined)}>
            ${this._t("restore_done", { new: this._done.new.length, changed: this._done.changed.length })}
          </ha-alert>`
        : nothing}
      ${this._preview ? this._renderPreview(this._preview) : nothing}`;
  }

  private _renderPreview(preview: Preview): TemplateResult {
    const { summary } = preview;
    const count = summary.new.length + summary.changed.length;
    return html`<div class="preview" role="region" aria-label=${this._t("restore")}>
      <div class="preview-title">${this._t("restore_title", { file: preview.file.name })}</div>
      ${this._list("new", summary.new.map((chip) => [chip, ""]))}
      ${this._list(
        "changed",
        summary.changed.map((chip) => [chip, this._t("restore_was", { name: chip.was })]),
      )}
      ${this._list(
        "conflicts",
        summary.conflicts.map((chip) => [chip, this._t(`conflict_${chip.reason}`)]),
      )}
      ${summary.unchanged
        ? html`<div class="secondary">${this._t("restore_unchanged", { count: summary.unchanged })}</div>`
        : nothing}
      ${count ? nothing : html`<div class="secondary">${this._t("restore_nothing")}</div>`}
      <div class="preview-actions">
        <ha-button appearance="plain" @click=${() => (this._preview = undefined)}
          >${this._t("cancel")}</ha-button
        >
        ${count
          ? html`<ha-button @click=${this._apply} ?disabled=${this._busy}
              >${this._t("restore_apply", { count })}</ha-button
            >`
          : nothing}
      </div>
    </div>`;
  }

  private _list(kind: string, chips: [Named, string][]): TemplateResult | typeof nothing {
    if (!chips.length) return nothing;
    return html`<div class="group ${kind}">
      <div class="group-title">${this._t(`restore_${kind}`, { count: chips.length })}</div>
      <ul>
        ${chips.map(
          ([chip, note]) =>
            html`<li data-chip-uid=${chip.uid}>
              <span class="name">${chip.name}</span> <span class="uid">${chip.uid}</span>
              ${note ? html`<span class="note">· ${note}</span>` : nothing}
            </li>`,
        )}
      </ul>
    </div>`;
  }

  private async _backUp(): Promise<void> {
    this._failure = undefined;
    const response = await this.hass.fetchWithAuth(EXPORT);
    if (!response.ok) {
      this._failure = await this._errorOf(response);
      return;
    }
    const disposition = response.headers.get("Content-Disposition") ?? "";
    const name = /filename="([^"]+)"/.exec(disposition)?.[1] ?? "nfc-jukebox-chips.json";
    const url = URL.createObjectURL(await response.blob());
    const link = document.createElement("a");
    link.href = url;
    link.download = name;
    link.click();
    window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }

  private _pick(): void {
    const input = this.renderRoot.querySelector("input[type=file]") as HTMLInputElement;
    input.value = "";
    input.click();
  }

  private async _chosen(ev: Event): Promise<void> {
    const file = (ev.target as HTMLInputElement).files?.[0];
    if (!file) return;
    this._done = undefined;
    const summary = await this._send(file, true);
    if (summary) this._preview = { file, summary };
  }

  private async _apply(): Promise<void> {
    const preview = this._preview;
    if (!preview) return;
    const summary = await this._send(preview.file, false);
    if (summary) {
      this._preview = undefined;
      this._done = summary;
    }
  }

  /** Send the file as a form's `file`; return what the server says, or show its error. */
  private async _send(file: File, preview: boolean): Promise<RestoreSummary | undefined> {
    this._failure = undefined;
    this._busy = true;
    try {
      const form = new FormData();
      form.append("file", file);
      const query = new URLSearchParams({ entry_id: this.entryId });
      if (preview) query.set("preview", "1");
      const response = await this.hass.fetchWithAuth(`${IMPORT}?${query}`, {
        method: "POST",
        body: form,
      });
      if (!response.ok) {
        this._preview = undefined;
        this._failure = await this._errorOf(response);
        return undefined;
      }
      return (await response.json()) as RestoreSummary;
    } catch (err) {
      this._failure = String((err as { message?: string }).message ?? err);
      return undefined;
    } finally {
      this._busy = false;
    }
  }

  /** The server's error, in the user's language. */
  private _errorOf(response: Response): Promise<string> {
    return errorOf(this.localize, response);
  }


  static override styles = css`
    :host {
      display: block;
    }
    .buttons {
      display: flex;
      flex-wrap: wrap;
      justify-content: flex-end;
      gap: 4px;
      padding: 4px 16px 0;
    }
    ha-alert {
      display: block;
      margin: 8px 16px 0;
    }
    .preview {
      margin: 8px 16px;
      padding: 12px 16px;
      border: 1px solid var(--divider-color);
      border-radius: var(--ha-card-border-radius, 12px);
      display: flex;
      flex-direction: column;
      gap: 8px;
    }
    .preview-title {
      color: var(--primary-text-color);
      font-weight: var(--ha-font-weight-medium, 500);
      overflow-wrap: anywhere;
    }
    .group-title {
      color: var(--secondary-text-color);
      font-size: var(--ha-font-size-s, 12px);
      font-weight: var(--ha-font-weight-medium, 500);
    }
    .conflicts .group-title {
      color: var(--warning-color);
    }
    ul {
      margin: 4px 0 0;
      padding-left: 20px;
      max-height: 200px;
      overflow-y: auto;
      color: var(--primary-text-color);
      font-size: var(--ha-font-size-m, 14px);
    }
    .uid {
      font-family: var(--ha-font-family-code, monospace);
      color: var(--secondary-text-color);
      font-size: var(--ha-font-size-s, 12px);
    }
    .note,
    .secondary {
      color: var(--secondary-text-color);
      font-size: var(--ha-font-size-s, 12px);
    }
    .preview-actions {
      display: flex;
      justify-content: flex-end;
      gap: 8px;
    }
  `;
}

customElements.define("nfc-jukebox-chips-io", NfcJukeboxChipsIo);
