import type { Chip, ReaderState, ReadersMessage, ReadersPush } from "./types";

/** The order the card lists chips in: by name, then by UID. */
function byName(a: Chip, b: Chip): number {
  return (
    a.name.localeCompare(b.name, undefined, { sensitivity: "base" }) ||
    (a.uid ?? "").localeCompare(b.uid ?? "")
  );
}

/**
 * The readers as the card shows them, after one more push of the subscription.
 *
 * A push carries each reader's state and, per reader, only the chips that changed
 * since the push before and the ids of those that went (the first push: all of
 * them). The chips a push does not mention are kept from `current`; a reader's
 * list keeps its objects where nothing changed, so a redraw leaves them be.
 */
export function applyPush(current: ReadersMessage | undefined, push: ReadersPush): ReadersMessage {
  const known = new Map<string, Chip[]>(
    (current?.readers ?? []).map((reader) => [reader.entry_id, reader.chips]),
  );
  const readers: ReaderState[] = push.readers.map((reader) => {
    const delta = push.chips[reader.entry_id];
    let chips = delta?.all ? [] : (known.get(reader.entry_id) ?? []);
    if (delta) {
      const gone = new Set([...delta.removed, ...delta.changed.map((chip) => chip.subentry_id)]);
      chips = [...chips.filter((chip) => !gone.has(chip.subentry_id)), ...delta.changed];
      chips.sort(byName);
    }
    return { ...reader, chips };
  });
  return { readers, can_edit: push.can_edit };
}
