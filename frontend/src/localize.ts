import type { HomeAssistant, LocalizeFunc } from "./types";

export const DOMAIN = "nfc_jukebox";

/** The translation categories the card reads, all of the integration's own. */
const CATEGORIES = ["selector", "config_subentries", "exceptions"];

/**
 * Load the integration's translations in the user's language.
 *
 * Resolves to a localize function that knows them: the card picker's preview keeps
 * the `hass` it was given, whose `localize` never learns them.
 */
export async function loadTranslations(hass: HomeAssistant): Promise<LocalizeFunc> {
  let localize = hass.localize;
  for (const category of CATEGORIES) {
    localize = await hass.loadBackendTranslation(category, DOMAIN);
  }
  return localize;
}

/** A localize function that asks the newest `hass` first, then the loaded one. */
export function combine(hass: HomeAssistant, loaded: LocalizeFunc | undefined): LocalizeFunc {
  return (key, values) => hass.localize(key, values) || loaded?.(key, values) || "";
}

/** A text of the card itself (strings.json: selector.card.options). */
export function cardText(
  localize: LocalizeFunc,
  key: string,
  values?: Record<string, string | number>,
): string {
  return localize(`component.${DOMAIN}.selector.card.options.${key}`, values);
}

/** A text of the integration, by its path below `component.nfc_jukebox.`. */
export function integrationText(
  localize: LocalizeFunc,
  path: string,
  values?: Record<string, string | number>,
): string {
  return localize(`component.${DOMAIN}.${path}`, values);
}

/** The server's error of an HTTP endpoint, in the user's language. */
export async function errorOf(localize: LocalizeFunc, response: Response): Promise<string> {
  try {
    const body = (await response.json()) as {
      message?: string;
      translation_key?: string;
      translation_placeholders?: Record<string, string>;
    };
    if (body.translation_key) {
      const text = integrationText(
        localize,
        `exceptions.${body.translation_key}.message`,
        body.translation_placeholders,
      );
      if (text) return text;
    }
    return body.message ?? response.statusText;
  } catch {
    return response.statusText;
  }
}
