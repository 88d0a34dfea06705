"""Constants for the NFC Jukebox integration."""

import logging
from enum import StrEnum
from typing import Final

DOMAIN: Final = "nfc_jukebox"
LOGGER: Final = logging.getLogger(__package__)

MANUFACTURER: Final = "NXP"
MODEL: Final = "PN532"
#: the model of a reader Home Assistant already knows (ESPHome, the companion app)
MODEL_SCANNER: Final = "Tag scanner"
#: the model of a USB reader that types a chip's number like a keyboard
MODEL_KEYBOARD: Final = "USB keyboard reader"


class Connection(StrEnum):
    """How a reader is connected (the setup menu's choices)."""

    SERIAL = "serial"
    I2C = "i2c"
    SPI = "spi"
    RC522 = "rc522"
    NETWORK = "network"
    SCANNER = "scanner"
    KEYBOARD = "keyboard"
    SIMULATED = "simulated"


CONF_CONNECTION: Final = "connection"
CONF_BAUDRATE: Final = "baudrate"
CONF_BUS: Final = "bus"
CONF_ADDRESS: Final = "address"
CONF_SPI_DEVICE: Final = "device"
CONF_SPEED_HZ: Final = "speed_hz"
#: which chip a simulated reader emulates (a SimulatedChip; PN532 when absent)
CONF_CHIP: Final = "chip"
#: the device whose tag_scanned events a scanner reader follows
CONF_SCANNER_DEVICE: Final = "device_id"
#: the input device (a /dev/input/by-id path) of a reader that types like a keyboard
CONF_INPUT_DEVICE: Final = "input_device"

DEFAULT_BAUDRATE: Final = 115200
DEFAULT_I2C_BUS: Final = 1
DEFAULT_I2C_ADDRESS: Final = 0x24
DEFAULT_SPI_BUS: Final = 0
DEFAULT_SPI_DEVICE: Final = 0
DEFAULT_SPEED_HZ: Final = 1_000_000
DEFAULT_SIMULATED_NAME: Final = "Simulated reader"


class SimulatedChip(StrEnum):
    """The reader chips a simulated reader can emulate."""

    PN532 = "pn532"
    RC522 = "rc522"


# Reader behaviour (options)
CONF_ON_REMOVE: Final = "on_remove"
CONF_RESUME_WINDOW: Final = "resume_window"
CONF_MAX_VOLUME: Final = "max_volume"
CONF_MEDIA_PLAYER: Final = "media_player"
#: where a chip plays while its own speaker is off or unavailable
CONF_FALLBACK_PLAYER: Final = "fallback_player"


class OnRemove(StrEnum):
    """What lifting a tag does to the music."""

    PAUSE = "pause"
    STOP = "stop"
    NOTHING = "nothing"


#: A music chip's "when lifted" choice that uses the reader's setting; its other
#: choices are the OnRemove values.
ON_REMOVE_INHERIT: Final = "inherit"


DEFAULT_ON_REMOVE: Final = OnRemove.PAUSE
DEFAULT_RESUME_WINDOW: Final = 30  # minutes
DEFAULT_MAX_VOLUME: Final = 100  # percent

# House rules of a reader (options; the form shows them in sections)
SECTION_HOUSE_RULES: Final = "house_rules"
SECTION_VOLUME: Final = "volume_range"
CONF_JUKEBOX_ON: Final = "jukebox_on"
CONF_QUIET_HOURS: Final = "quiet_hours"
CONF_QUIET_HOURS_START: Final = "quiet_hours_start"
CONF_MIN_VOLUME: Final = "min_volume"
CONF_NIGHT_MAX_VOLUME: Final = "night_max_volume"
CONF_DAILY_LIMIT: Final = "daily_limit"
CONF_FADE_OUT: Final = "fade_out"
CONF_FEEDBACK: Final = "feedback_sounds"

# The box's buttons and volume knob (options; each an entity of Home Assistant). The
# buttons' options are named after the buttons they are (playback.remote.Button).
SECTION_BUTTONS: Final = "buttons"
SECTION_KNOB: Final = "volume_knob"
#: a number or sensor entity (a rotary encoder) that sets the volume
CONF_VOLUME_KNOB: Final = "volume"
# How a reader speaks (options; a section of their own)
SECTION_SPEECH: Final = "speech"
#: the home's text-to-speech entity the reader speaks with; none: it only sounds
CONF_TTS_ENTITY: Final = "tts_entity"
CONF_SAY_NAME: Final = "say_chip_name"


class QuietHoursStart(StrEnum):
    """What the music that plays does when quiet hours begin."""

    KEEP_PLAYING = "keep_playing"
    PAUSE_AFTER_TRACK = "pause_after_track"


class Block(StrEnum):
    """Why a chip starts nothing: the house rules say no."""

    OFF = "off"
    QUIET_HOURS = "quiet_hours"
    LIMIT = "limit"


DEFAULT_MIN_VOLUME: Final = 0  # percent
DEFAULT_DAILY_LIMIT: Final = 0  # minutes; 0 is no limit
DEFAULT_FADE_OUT: Final = 10  # seconds
MAX_FADE_OUT: Final = 120  # seconds
MAX_DAILY_LIMIT: Final = 1440  # minutes
GRANT_MINUTES: Final = 15

# Config subentries of a reader: what its chips do
SUBENTRY_TAG: Final = "tag"
SUBENTRY_CONTROL: Final = "control"

CONF_UID: Final = "uid"
CONF_MEDIA: Final = "media"
#: a music chip's own speaker; none: the speaker of the reader it lies on
CONF_PLAY_ON: Final = "play_on"
CONF_PLAYBACK: Final = "playback"
#: stored by chips saved before orders: True reads as Order.SHUFFLE
CONF_SHUFFLE: Final = "shuffle"
CONF_ORDER: Final = "order"
#: a calendar chip's month (1-12); none: every month
CONF_MONTH: Final = "month"
#: the track (1 = the first) a calendar chip plays outside its days; none: "not yet"
CONF_OUTSIDE_TRACK: Final = "outside_track"
CONF_REPEAT: Final = "repeat"
CONF_VOLUME: Final = "volume"
#: stored by chips saved before modes: False reads as ChipMode.START_OVER
CONF_RESUME: Final = "resume"
CONF_MODE: Final = "mode"
CONF_ACTION: Final = "action"
CONF_MINUTES: Final = "minutes"
CONF_BEDTIME: Final = "bedtime"
#: a podcast chip's Episodes setting (EpisodeOrder)
CONF_EPISODES: Final = "episodes"
#: a podcast chip's "Keep the newest N episodes on this box", and its cap in MB
CONF_KEEP_EPISODES: Final = "keep_episodes"
CONF_KEEP_MB: Final = "keep_mb"
DEFAULT_KEEP_MB: Final = 500
#: the music chip form's typed or pasted addresses: a podcast feed, a radio stream
CONF_FEED: Final = "feed"
CONF_STREAM: Final = "stream"

#: The media content type of a podcast chip (its content id is the feed's URL) ...
MEDIA_PODCAST: Final = "podcast"
#: ... and of a radio chip whose stream URL was typed (a live stream)
MEDIA_RADIO: Final = "radio"
#: Radio Browser's stations in the media browser: live streams too
RADIO_BROWSER: Final = "media-source://radio_browser/"

#: The longest chip name; a name is what a parent reads in lists and notices.
MAX_NAME_LENGTH: Final = 100
# What a chip's music may store: enough for any media-source id or stream URL, and
# far from the megabytes that would go to every open card with each push.
MAX_MEDIA_ID_LENGTH: Final = 2048
MAX_MEDIA_TYPE_LENGTH: Final = 100
MAX_METADATA_BYTES: Final = 4096  # the media browser's title, thumbnail and path
MAX_SLEEP_MINUTES: Final = 240


class ChipMode(StrEnum):
    """How a music chip resumes when it is put back."""

    #: where it stopped, within the reader's resume window
    MUSIC = "music"
    #: at the track and position where it stopped, however long ago
    AUDIOBOOK = "audiobook"
    #: always from the start
    START_OVER = "start_over"


class EpisodeOrder(StrEnum):
    """Which episode a podcast chip plays when it is placed."""

    #: the newest episode
    NEWEST = "newest"
    #: the oldest episode not yet heard to its end, in publication order
    NEXT = "next"
    #: a series: from the first episode on, in order
    FIRST = "first"


class Order(StrEnum):
    """Which of a music chip's tracks play, and in which order."""

    IN_ORDER = "in_order"
    SHUFFLE = "shuffle"
    #: an Advent calendar: track N on day N of the month
    DAY_OF_MONTH = "day_of_month"
    #: the next track each calendar day, the same one all day
    DAILY = "daily"

    @property
    def by_calendar(self) -> bool:
        """Return whether the day chooses the one track that plays."""
        return self in (Order.DAY_OF_MONTH, Order.DAILY)


class ControlAction(StrEnum):
    """What a control chip does."""

    VOLUME_UP = "volume_up"
    VOLUME_DOWN = "volume_down"
    NEXT = "next"
    PREVIOUS = "previous"
    STOP = "stop"
    SLEEP_TIMER = "sleep_timer"
    #: the sleep timer that pauses the music when the track that plays ends
    SLEEP_AFTER_TRACK = "sleep_after_track"


VOLUME_STEP: Final = 0.1
DEFAULT_SLEEP_MINUTES: Final = 30

EVENT_TAG_PLACED: Final = "tag_placed"
EVENT_TAG_REMOVED: Final = "tag_removed"
#: fired on the bus when a reader's sleep timer runs out (data: entry_id, device_id)
EVENT_SLEEP_TIMER_ENDED: Final = f"{DOMAIN}_sleep_timer_ended"
#: fired by a tag scanner when the chip leaves it (data: device_id, tag_id); ESPHome
#: may only fire events whose names start with "esphome.", and adds the device_id
EVENT_SCANNER_TAG_REMOVED: Final = f"{DOMAIN}_tag_removed"
EVENT_ESPHOME_TAG_REMOVED: Final = f"esphome.{DOMAIN}_tag_removed"
#: what a TagReader's own firmware fires when a chip leaves it (data: device_id)
EVENT_TAGREADER_TAG_REMOVED: Final = "esphome.tag_removed"
#: integrations whose devices report scanned tags (other devices qualify once they
#: have scanned one)
SCANNER_INTEGRATIONS: Final = ("esphome", "mobile_app")

ATTR_UID: Final = "uid"
ATTR_TAG_TYPE: Final = "tag_type"
ATTR_NDEF: Final = "ndef"
ATTR_MAPPING: Final = "mapping"
ATTR_URI: Final = "uri"
ATTR_TEXT: Final = "text"
ATTR_BLOCKED: Final = "blocked"
ATTR_TRACK: Final = "track"
ATTR_TRACKS: Final = "tracks"

SERVICE_SIMULATE_PLACE: Final = "simulate_place"
SERVICE_SIMULATE_REMOVE: Final = "simulate_remove"
SERVICE_WRITE_TAG: Final = "write_tag"
SERVICE_GRANT_TIME: Final = "grant_time"
SERVICE_RESET_PROGRESS: Final = "reset_progress"

# Seconds between reconnection attempts to a lost reader (the last one repeats).
# Trying is cheap (opening a port or a socket), and a reader that comes back after
# however long an outage must be available again within seconds.
RECONNECT_BACKOFF: Final = (0.5, 1.0, 2.0)
# A repair issue is raised when this many reconnection attempts in a row fail
# (about 18 seconds).
REPAIR_AFTER_FAILED_ATTEMPTS: Final = 10
