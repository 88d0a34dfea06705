import type { HomeAssistant } from "./types";

export const DOMAIN = "nfc_jukebox";

/** The translation categories the card reads, all of the integration's own. */
const CATEGORIES = ["selector", "config_subentries", "exceptions"];

/** Load the integration's translations in the user's language; resolves when loaded. */
export async function loadTranslations(hass: HomeAssistant): Promise<void> {
  await Promise.all(CATEGORIES.map((category) => hass.loadBackendTranslation(category, DOMAIN)));
}

/** A text of the card itself (strings.json: selector.card.options). */
export function cardText(
  hass: HomeAssistant,
  key: string,
  values?: Record<string, string | number>,
): string {
  return hass.localize(`component.${DOMAIN}.selector.card.options.${key}`, values);
}

/** A text of the integration, by its path below `component.nfc_jukebox.`. */
export function integrationText(
  hass: HomeAssistant,
  path: string,
  values?: Record<string, string | number>,
): string {
  return hass.localize(`component.${DOMAIN}.${path}`, values);
}
