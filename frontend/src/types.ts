// The little of Home Assistant's frontend API the card uses, and the integration's
// websocket messages (custom_components/nfc_jukebox/websocket_api.py).

export interface HassEntity {
  entity_id: string;
  state: string;
  attributes: Record<string, unknown> & {
    friendly_name?: string;
    entity_picture?: string;
    media_title?: string;
    media_artist?: string;
  };
}

export type LocalizeFunc = (key: string, values?: Record<string, string | number>) => string;

export interface HassConnection {
  subscribeMessage<T>(
    callback: (message: T) => void,
    message: Record<string, unknown>,
  ): Promise<() => Promise<void>>;
}

export interface HomeAssistant {
  states: Record<string, HassEntity | undefined>;
  user?: { is_admin: boolean };
  language: string;
  locale: { language: string };
  localize: LocalizeFunc;
  connection: HassConnection;
  loadBackendTranslation(category: string, integration: string): Promise<LocalizeFunc>;
  callWS<T>(message: Record<string, unknown>): Promise<T>;
  /** The login: its token authorises the card's uploads. */
  auth?: { data: { access_token: string }; expired: boolean; refreshAccessToken(): Promise<void> };
  hassUrl?(path: string): string;
  callService(domain: string, service: string, data: Record<string, unknown>): Promise<unknown>;
  /** A request to Home Assistant's HTTP API with the user's token. */
  fetchWithAuth(path: string, init?: RequestInit): Promise<Response>;
}

export interface CardConfig {
  type: string;
  entry_id?: string;
  /** The view for a child: what plays and its buttons, no administration. */
  kids?: boolean;
}

export interface Media {
  entity_id: string;
  media_content_id: string;
  media_content_type: string;
  metadata?: { title?: string; thumbnail?: string; media_class?: string };
}

/** An item of Home Assistant's media browser (websocket media_source/browse_media). */
export interface BrowseItem {
  title: string;
  media_content_id: string;
  media_content_type: string;
  can_play: boolean;
  can_expand: boolean;
  children?: BrowseItem[];
}

export interface Playback {
  order?: "in_order" | "shuffle" | "day_of_month" | "daily";
  /** A day-of-the-month chip's month (1-12); none: every month. */
  month?: number;
  /** The track (1 = the first) a day-of-the-month chip plays outside its days. */
  outside_track?: number;
  /** A podcast chip's newest episodes kept on the box, and their cap in MB. */
  keep_episodes?: number;
  keep_mb?: number;
  repeat?: string;
  volume?: number;
  on_remove?: string;
  /** How it resumes when put back: "music", "audiobook" or "start_over". */
  mode?: string;
  /** It plays during quiet hours too. */
  bedtime?: boolean;
  /** A podcast chip's: "newest", "next" or "first". */
  episodes?: string;
}

export interface Chip {
  subentry_id: string;
  kind: "music" | "control";
  name: string;
  uid: string;
  /** Its picture: its own (signed path), else its music's artwork; null: none. */
  picture?: string | null;
  /** It has a picture of its own (not its music's artwork). */
  own_picture?: boolean;
  /** Where it plays from this reader: its own speaker, else the reader's. */
  speaker?: string;
  /** Its own speaker; null: the speaker of the reader it lies on. */
  play_on?: string | null;
  media?: Media;
  playback?: Playback;
  action?: string;
  minutes?: number;
}

export interface ChipOnReader {
  uid: string;
  subentry_id: string | null;
  name: string | null;
  picture?: string | null;
  kind: "music" | "control" | null;
  assignable: boolean;
  /** Why the house rules let the chip start nothing now. */
  blocked: "off" | "quiet_hours" | "limit" | null;
}

/** A reader's house rules (rules.py); volumes in percent. */
export interface HouseRules {
  jukebox_on: boolean;
  quiet_hours: boolean;
  daily_limit: number | null;
  minutes_left: number | null;
  min_volume: number;
  max_volume: number;
  night_max_volume: number;
  /** The volume range that holds now (the night maximum during quiet hours). */
  volume: [number, number];
}

export interface Progress {
  uid: string;
  /** 1 is the first track. */
  track: number;
  tracks: number;
  title: string;
  position: number | null;
}

export interface ReaderState {
  entry_id: string;
  title: string;
  available: boolean;
  chip: ChipOnReader | null;
  /** The speaker the chip on it plays on, what played last, or the reader's speaker. */
  speaker: string | null;
  /** The chip's own speaker while it plays on the reader's fallback speaker. */
  speaker_away?: string | null;
  sleep_until: string | null;
  /** How far the folder chip the reader played last got ("Track 2 of 12"). */
  progress: Progress | null;
  max_volume: number;
  /** Null while the reader is not loaded. */
  rules: HouseRules | null;
  /** Every chip of the home: chips play on every reader. */
  chips: Chip[];
}

export interface ReadersMessage {
  readers: ReaderState[];
  can_edit: boolean;
}

/** What changed of a reader's chips since the push before. */
export interface ChipChanges {
  changed: Chip[];
  /** The subentry ids of the chips that went. */
  removed: string[];
  /** `changed` is every chip of the reader (a first push): forget the others. */
  all: boolean;
}

/** One push of the subscription: the readers without their chips, and what changed. */
export interface ReadersPush {
  readers: Omit<ReaderState, "chips">[];
  chips: Record<string, ChipChanges>;
  can_edit: boolean;
}

export interface SaveResult {
  subentry_id?: string;
  errors?: Record<string, string>;
  /** What the error texts name: {chip}, the chip that has the UID. */
  placeholders?: Record<string, string>;
}

/** What the chip form edits: the data shape of the Settings flow's music chip form. */
export interface ChipForm {
  uid: string;
  name: string;
  media?: Media;
  /** A podcast feed or a radio stream typed instead of the music. */
  feed?: string;
  stream?: string;
  /** Empty: the speaker of the reader the chip lies on. */
  play_on?: string;
  playback: Playback;
}

/** What the recordings endpoint answers for a recording made. */
export interface RecordingResult {
  media_content_id: string;
  media_content_type: string;
  name: string;
  duration: number;
  loudness_lufs: number;
  /** the chip saved to play it, if one was named */
  subentry_id?: string;
}
