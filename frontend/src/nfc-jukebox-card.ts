import { LitElement, html } from "lit";

/** The NFC Jukebox dashboard card (first step: the toolchain). */
export class NfcJukeboxCard extends LitElement {
  public setConfig(): void {}

  protected override render() {
    return html`<ha-card header="NFC Jukebox"></ha-card>`;
  }
}

customElements.define("nfc-jukebox-card", NfcJukeboxCard);
