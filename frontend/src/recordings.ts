// Recordings the card made: which chips play one.
import type { Chip } from "./types";

/** Where the integration keeps recordings: My media → NFC Jukebox. */
const RECORDINGS = /^media-source:\/\/media_source\/[^/]+\/NFC Jukebox\/./;

/** Whether a chip plays a recording made in the card (a file or a folder of parts). */
export const isRecording = (chip: Chip): boolean =>
  chip.kind === "music" && RECORDINGS.test(chip.media?.media_content_id ?? "");
