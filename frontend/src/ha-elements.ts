// Home Assistant loads its form elements lazily; a card that uses them asks for them.

interface CardHelpers {
  createCardElement(config: Record<string, unknown>): HTMLElement;
}

type WithEditor = CustomElementConstructor & { getConfigElement?: () => Promise<unknown> };

/** Make sure `ha-form` (and so `ha-selector`) is defined, as a card editor would. */
export async function loadHaForm(): Promise<void> {
  if (customElements.get("ha-form")) return;
  const loadCardHelpers = (window as unknown as { loadCardHelpers?: () => Promise<CardHelpers> })
    .loadCardHelpers;
  if (loadCardHelpers) await loadCardHelpers();
  for (const card of ["hui-tile-card", "hui-button-card", "hui-entities-card"]) {
    const element = customElements.get(card) as WithEditor | undefined;
    if (element?.getConfigElement) {
      await element.getConfigElement();
      if (customElements.get("ha-form")) return;
    }
  }
  await customElements.whenDefined("ha-form");
}

/** One field of an `ha-form` schema. */
export interface FormField {
  name: string;
  selector?: Record<string, unknown>;
  required?: boolean;
  type?: "expandable";
  flatten?: boolean;
  title?: string;
  schema?: FormField[];
}
