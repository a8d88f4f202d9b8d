"""Offline speech: turns (text, language, rate, volume) into audio with espeak-ng.

Qt-free. espeak-ng (Debian's `espeak-ng`, the default voice of the NVDA screen reader) runs as a
child process: the kiosk never waits for it, a new utterance kills the one before, and `stop()`
kills whatever is playing. The same command renders to a WAV file instead of the sound card
(`Espeak(wav_folder=...)`, `render()`), which is how the tests and `kiosk say` hear it without a
sound card. Playing goes straight from espeak-ng to the sound card through its own audio library
(pcaudio: PulseAudio or PipeWire when running, ALSA otherwise); the first samples are ready about
20 ms after the key press on a 2-core machine (`make bench`).
"""

from __future__ import annotations

import logging
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import IO

log = logging.getLogger(__name__)

PROGRAM = "espeak-ng"
# The content's language -> an espeak-ng voice: American English and Latin-American Spanish,
# the Spanish most of the clinic's Spanish-speaking patients hear at home.
VOICES = {"en": "en-us", "es": "es-419"}
DEFAULT_VOICE = VOICES["en"]
# Volume steps the patient moves through with the volume keys; espeak-ng's amplitude is 0-200
# (100 is its default loudness).
VOLUME_STEPS = 10
AMPLITUDE_PER_STEP = 20
MIN_RATE_WPM = 80
MAX_RATE_WPM = 450


def voice_for(language: str) -> str:
    """The espeak-ng voice for a content language ("en", "es"); English for any other."""
    return VOICES.get(language, VOICES.get(language.split("-")[0], DEFAULT_VOICE))


@dataclass(frozen=True)
class Utterance:
    text: str
    language: str
    rate_wpm: int = 165
    volume: int = 5  # 1..VOLUME_STEPS

    @property
    def voice(self) -> str:
        return voice_for(self.language)

    @property
    def amplitude(self) -> int:
        return max(1, min(VOLUME_STEPS, self.volume)) * AMPLITUDE_PER_STEP


def espeak_command(
    utterance: Utterance, *, wav: Path | None = None, stdout: bool = False, program: str = PROGRAM
) -> list[str]:
    """The espeak-ng command line for `utterance`; the text itself goes in on stdin (so a text
    that begins with "-" is never read as an option). Without `wav` or `stdout` it plays."""
    rate = max(MIN_RATE_WPM, min(MAX_RATE_WPM, utterance.rate_wpm))
    command = [program, "-v", utterance.voice, "-s", str(rate), "-a", str(utterance.amplitude)]
    # -b 1: the input is UTF-8 (Spanish accents); --stdin: read the text from standard input.
    command += ["-b", "1"]
    if wav is not None:
        command += ["-w", str(wav)]
    elif stdout:
        command.append("--stdout")
    command.append("--stdin")
    return command


def engine_problem(program: str = PROGRAM) -> str | None:
    """Why speech cannot work on this machine, or None when it can."""
    if shutil.which(program) is None:
        return f"{program} is not installed (sudo apt-get install -y espeak-ng); the kiosk stays silent"
    return None


class Espeak:
    """One voice at a time: `speak()` starts an utterance and returns at once; the next `speak()`
    or `stop()` silences it. With `wav_folder`, each utterance becomes NNNN-<voice>.wav there
    instead of sound (the same process, the same options); with `pipe`, the samples come out on
    `output` (the benchmark times the first of them)."""

    def __init__(
        self, *, program: str = PROGRAM, wav_folder: Path | None = None, pipe: bool = False
    ) -> None:
        self.program = program
        self.wav_folder = wav_folder
        self.pipe = pipe
        self._process: subprocess.Popen[bytes] | None = None
        self._count = 0
        self.last_wav: Path | None = None

    @property
    def is_speaking(self) -> bool:
        # poll() also reaps a finished child, so no zombie is left behind.
        return self._process is not None and self._process.poll() is None

    def speak(self, utterance: Utterance, *, wav: Path | None = None) -> None:
        """Starts `utterance` and returns at once; `wav` (or the wav folder) writes it to a file."""
        self.stop()
        if wav is None and self.wav_folder is not None:
            self._count += 1
            wav = self.wav_folder / f"{self._count:04d}-{utterance.voice}.wav"
        self.last_wav = wav
        command = espeak_command(
            utterance, wav=wav, stdout=self.pipe and wav is None, program=self.program
        )
        try:
            process = subprocess.Popen(
                command,
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE if self.pipe else subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                close_fds=True,
            )
        except OSError as error:
            log.warning("speech unavailable: %s", error)
            return
        assert process.stdin is not None
        try:
            # A paragraph is a few hundred bytes: far below the pipe's 64 KiB, so this never waits.
            process.stdin.write(utterance.text.encode("utf-8"))
            process.stdin.close()
        except OSError as error:
            log.warning("speech stopped: %s", error)
        self._process = process

    @property
    def output(self) -> IO[bytes] | None:
        """The audio (a WAV stream) of the current utterance, with `pipe`."""
        return self._process.stdout if self._process is not None else None

    def stop(self) -> None:
        process, self._process = self._process, None
        if process is not None and process.poll() is None:
            process.kill()
            process.wait()
        if process is not None and process.stdout is not None:
            process.stdout.close()

    def wait(self, timeout_s: float = 30.0) -> None:
        """Blocks until the utterance is done (tests and `kiosk say` only, never the UI)."""
        if self._process is not None:
            self._process.wait(timeout_s)


def render(utterance: Utterance, wav: Path, *, program: str = PROGRAM) -> Path:
    """Writes `utterance` to `wav` through the very path that speaks it, and waits (tests, bench
    and `kiosk say` only)."""
    engine = Espeak(program=program)
    engine.speak(utterance, wav=wav)
    engine.wait()
    return wav
