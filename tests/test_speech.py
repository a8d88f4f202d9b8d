"""Speech through the real engine (espeak-ng), rendered to WAV files: no sound card needed."""

from __future__ import annotations

import array
import subprocess
import wave
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from kiosk.config import SpeechSettings
from kiosk.speech import Espeak, Utterance, espeak_command, render, voice_for
from kiosk.ui import controller as controller_module
from kiosk.ui.narrator import Narrator

pytestmark = pytest.mark.usefixtures("espeak_ng")


def samples(path: Path) -> tuple[array.array[int], int]:
    with wave.open(str(path)) as wav:
        assert wav.getsampwidth() == 2
        assert wav.getnchannels() == 1
        data = array.array("h", wav.readframes(wav.getnframes()))
        return data, wav.getframerate()


def loudness(data: array.array[int]) -> float:
    return float((sum(value * value for value in data[::8]) / max(1, len(data[::8]))) ** 0.5)


def direct_render(text: str, voice: str, path: Path) -> bytes:
    """espeak-ng called by hand with only a voice: the reference the kiosk's voice must match."""
    subprocess.run(
        ["espeak-ng", "-v", voice, "-s", "165", "-a", "100", "-b", "1", "-w", str(path), "--stdin"],
        input=text.encode(),
        check=True,
    )
    return path.read_bytes()


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "The Mechanism: How Antidepressants Alleviate Pain"),
        ("es", "El mecanismo: cómo los antidepresivos alivian el dolor"),
    ],
)
def test_each_utterance_is_audible_in_its_voice_and_as_long_as_its_words(
    tmp_path: Path, language: str, text: str
) -> None:
    wav = render(Utterance(text, language), tmp_path / "said.wav")
    data, rate = samples(wav)
    seconds = len(data) / rate
    words = len(text.split())
    # 165 words a minute is ~0.36 s a word; espeak-ng adds pauses at punctuation.
    assert 0.5 * words * 60 / 165 < seconds < 2.0 * words * 60 / 165
    assert loudness(data) > 1000  # silence is 0; speech at amplitude 100 is several thousand
    voice = voice_for(language)
    assert wav.read_bytes() == direct_render(text, voice, tmp_path / "reference.wav")
    other = "es-419" if voice == "en-us" else "en-us"
    assert wav.read_bytes() != direct_render(text, other, tmp_path / "other.wav")


def test_spanish_is_spoken_with_the_latin_american_voice() -> None:
    assert voice_for("es") == "es-419"
    assert voice_for("en") == "en-us"
    assert voice_for("fr") == "en-us"
    command = espeak_command(Utterance("-v es", "es", rate_wpm=150, volume=10))
    assert command[:7] == ["espeak-ng", "-v", "es-419", "-s", "150", "-a", "200"]
    assert command[-1] == "--stdin"  # the text goes in on stdin, never as an option


def test_louder_is_louder(tmp_path: Path) -> None:
    text = "Volume test."
    quiet, _ = samples(render(Utterance(text, "en", volume=2), tmp_path / "quiet.wav"))
    loud, _ = samples(render(Utterance(text, "en", volume=8), tmp_path / "loud.wav"))
    assert loudness(loud) > 2 * loudness(quiet)


def test_a_new_utterance_interrupts_the_one_before(tmp_path: Path) -> None:
    engine = Espeak(wav_folder=tmp_path)
    long_text = "This sentence is long enough to still be going when the next one starts. " * 40
    engine.speak(Utterance(long_text, "en"))
    assert engine.is_speaking
    first = engine.last_wav
    engine.speak(Utterance("Stop.", "en"))
    second = engine.last_wav
    engine.wait()
    assert not engine.is_speaking
    assert first is not None and second is not None and first != second
    data, rate = samples(second)
    assert 0.2 < len(data) / rate < 2.0
    # The first (over three minutes of speech) was killed before espeak-ng got far with it.
    assert not first.exists() or first.stat().st_size < 22050 * 2 * 60


def test_speaking_never_waits_for_the_audio(tmp_path: Path) -> None:
    engine = Espeak(wav_folder=tmp_path)
    engine.speak(Utterance("A long text. " * 200, "en"))
    # speak() has returned and the child is still working: the UI thread is free.
    assert engine.is_speaking
    engine.stop()
    assert not engine.is_speaking


def test_the_narrator_tells_when_it_has_finished(tmp_path: Path, qtbot) -> None:  # type: ignore[no-untyped-def]
    narrator = Narrator(SpeechSettings(), Espeak(wav_folder=tmp_path))
    with qtbot.waitSignal(narrator.finished, timeout=10_000):
        narrator.say("Hello.", "en")
        assert narrator.is_speaking
    assert not narrator.is_speaking


def test_keys_speak_through_the_engine_and_the_reset_silences(  # type: ignore[no-untyped-def]
    make_kiosk, qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(
        controller_module, "default_engine", lambda _settings: Espeak(wav_folder=tmp_path)
    )
    controller = make_kiosk()
    window, narrator = controller.window, controller.narrator
    qtbot.keyClick(window, Qt.Key.Key_Return)
    assert narrator.is_speaking
    assert not controller.idle.timer.isActive()  # reading to someone: the idle timer waits
    window.reset_session()
    assert not narrator.is_speaking
    assert narrator.engine is not None and not narrator.engine.is_speaking
    # One utterance (the home screen and its first control), in the English voice.
    assert narrator.engine.last_wav == tmp_path / "0001-en-us.wav"
