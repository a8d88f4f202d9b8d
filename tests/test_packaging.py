"""The packaging files agree with the app and with each other; no build needed, no Qt.

The frozen build and the .deb themselves are tested by packaging/smoke-test-frozen.sh and
packaging/linux/test-install.sh; these tests keep the files they are built from honest.
"""

from __future__ import annotations

import importlib
import importlib.util
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path
from typing import Any

import pytest
from helpers.system_tools import require

from kiosk import __version__
from kiosk.config import parse_config

REPO = Path(__file__).resolve().parent.parent
PACKAGING = REPO / "packaging"
LINUX = PACKAGING / "linux"
ANSIBLE = PACKAGING / "ansible"
VENV_BIN = Path(sys.executable).parent
# Besides the xcb sonames of scripts/check_qt_libs.py: Qt's Wayland plugin, and cage, which in
# Debian 12 refuses to start without the Xwayland binary.
WAYLAND_PACKAGES = {"libwayland-client0", "libwayland-cursor0", "libwayland-egl1", "libxkbcommon0"}


def unit_file(path: Path) -> dict[str, list[tuple[str, str]]]:
    """A systemd unit as {section: [(key, value), ...]}; keys may repeat."""
    sections: dict[str, list[tuple[str, str]]] = {}
    current: list[tuple[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith(("#", ";")):
            continue
        header = re.fullmatch(r"\[(\w+)\]", line)
        if header:
            current = sections.setdefault(header.group(1), [])
            continue
        key, _, value = line.partition("=")
        current.append((key.strip(), value.strip()))
    return sections


def values(unit: dict[str, list[tuple[str, str]]], section: str, key: str) -> list[str]:
    return [value for name, value in unit.get(section, []) if name == key]


def depends(control_text: str) -> set[str]:
    """Package names in Depends:, every alternative of an `a | b` counted."""
    match = re.search(r"^Depends:(.*(?:\n[ \t].*)*)", control_text, re.MULTILINE)
    assert match, "no Depends: field"
    return {
        re.sub(r"\(.*?\)", "", name).strip()
        for name in re.split(r"[,|]", match.group(1))
        if name.strip()
    }


def load_script(path: Path) -> Any:
    spec = importlib.util.spec_from_file_location(path.stem.replace("-", "_"), path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def spec() -> dict[str, Any]:
    """The PyInstaller spec's definitions (everything before Analysis), run without PyInstaller."""
    path = PACKAGING / "pyinstaller" / "kiosk.spec"
    source = path.read_text(encoding="utf-8")
    prelude, found, _ = source.partition("\na = Analysis(")
    assert found, "the spec no longer has `a = Analysis(` at the start of a line"
    namespace: dict[str, Any] = {"SPECPATH": str(path.parent), "__name__": "kiosk_spec"}
    exec(compile(prelude, str(path), "exec"), namespace)
    return namespace


# --- the frozen build's spec -------------------------------------------------------------------


def test_spec_takes_its_version_from_kiosk_init(spec: dict[str, Any]) -> None:
    assert spec["VERSION"] == __version__
    assert spec["NAME"] == "clinic-kiosk"
    source = (PACKAGING / "pyinstaller" / "kiosk.spec").read_text(encoding="utf-8")
    assert not re.search(r"^\s*(import kiosk|from kiosk)", source, re.MULTILINE)


def test_spec_bundles_every_kiosk_module_resources_and_content(spec: dict[str, Any]) -> None:
    modules = spec["kiosk_modules"]()
    assert {"kiosk", "kiosk.cli", "kiosk.paths", "kiosk.ui", "kiosk.ui.app"} <= set(modules)
    source = (PACKAGING / "pyinstaller" / "kiosk.spec").read_text(encoding="utf-8")
    assert '(str(REPO / "resources"), "resources")' in source
    assert '(str(REPO / "content"), "content")' in source
    # A console on Linux (stderr is the journal), none on Windows.
    assert "console=not WINDOWS" in source


@pytest.mark.parametrize(
    ("dest", "kept"),
    [
        ("PySide6/Qt/plugins/platforms/libqxcb.so", True),
        ("PySide6/Qt/plugins/platforms/libqwayland.so", True),
        ("PySide6/Qt/plugins/platforms/libqoffscreen.so", True),
        ("PySide6/plugins/platforms/qwindows.dll", True),
        ("PySide6/Qt/plugins/wayland-shell-integration/libxdg-shell.so", True),
        ("PySide6/Qt/plugins/imageformats/libqsvg.so", True),
        ("PySide6/Qt/lib/libQt6Widgets.so.6", True),
        ("PySide6/Qt/lib/libQt6Svg.so.6", True),
        ("PySide6/Qt/plugins/platforms/libqvnc.so", False),
        ("PySide6/Qt/plugins/platforminputcontexts/libqtvirtualkeyboardplugin.so", False),
        ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", False),
        ("PySide6/Qt/plugins/imageformats/libqpdf.so", False),
        ("PySide6/Qt/lib/libQt6Quick.so.6", False),
        ("PySide6/Qt/lib/libQt6Network.so.6", False),
        ("libQt6Qml.so.6", False),
        ("PySide6/Qt/translations/qtbase_de.qm", False),
    ],
)
def test_spec_keeps_only_the_qt_the_kiosk_uses(spec: dict[str, Any], dest: str, kept: bool) -> None:
    assert spec["keep"]((dest, "/venv/site-packages/" + dest, "BINARY")) is kept


def test_spec_leaves_system_libraries_to_the_distribution_on_linux(spec: dict[str, Any]) -> None:
    if not spec["LINUX"]:
        pytest.skip("Linux-only rule")
    keep = spec["keep"]
    assert not keep(("libX11.so.6", "/usr/lib/x86_64-linux-gnu/libX11.so.6", "BINARY"))
    assert not keep(("libstdc++.so.6", "/lib/x86_64-linux-gnu/libstdc++.so.6", "BINARY"))
    assert keep(
        ("libpython3.11.so.1.0", "/usr/lib/x86_64-linux-gnu/libpython3.11.so.1.0", "BINARY")
    )
    assert keep(("libpython3.11.so.1.0", "/usr/local/lib/libpython3.11.so.1.0", "BINARY"))


def test_the_scripts_read_the_same_version() -> None:
    # build-deb.sh and smoke-test-frozen.sh read __version__ with this sed expression.
    for script in ("build-deb.sh", "smoke-test-frozen.sh"):
        text = (PACKAGING / script).read_text(encoding="utf-8")
        assert """sed -n 's/^__version__ = "\\(.*\\)"$/\\1/p' kiosk/__init__.py""" in text, script
    result = subprocess.run(
        ["sed", "-n", r's/^__version__ = "\(.*\)"$/\1/p', "kiosk/__init__.py"],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.strip() == __version__


@pytest.mark.parametrize(
    "script",
    [
        "build-frozen.sh",
        "build-deb.sh",
        "smoke-test-frozen.sh",
        "linux/test-install.sh",
        "linux/postinst",
        "linux/prerm",
        "linux/postrm",
        "linux/kiosk",
        "linux/cage-session",
        "linux/x11/kiosk-xsession",
    ],
)
def test_shell_scripts_parse(script: str) -> None:
    path = PACKAGING / script
    shell = "bash" if path.read_text(encoding="utf-8").startswith("#!/usr/bin/env bash") else "sh"
    subprocess.run([shell, "-n", str(path)], check=True)


# --- the .deb ----------------------------------------------------------------------------------


def test_the_unit_restarts_the_kiosk_and_watches_it() -> None:
    unit = unit_file(LINUX / "clinic-kiosk.service")
    service = dict(unit["Service"])
    assert service["Type"] == "notify"
    assert service["Restart"] == "always"
    assert service["RestartSec"] == "2"
    assert service["WatchdogSec"] == "30"
    assert service["User"] == "kiosk"
    assert values(unit, "Unit", "StartLimitIntervalSec") == ["0"]
    # The kiosk, not cage, sends READY=1 and WATCHDOG=1: cage is the main process.
    assert service["ExecStart"] == "/usr/libexec/clinic-kiosk/cage-session"
    assert service["NotifyAccess"] == "all"
    assert "WATCHDOG_PID" in service["UnsetEnvironment"].split()
    # cage's recommended boot setup: a logind session on tty1 instead of the getty.
    assert service["PAMName"] == "login"
    assert service["TTYPath"] == "/dev/tty1"
    assert service["StandardInput"] == "tty-fail"
    assert "getty@tty1.service" in " ".join(values(unit, "Unit", "Conflicts"))
    assert service["StandardOutput"] == service["StandardError"] == "journal"
    assert values(unit, "Install", "WantedBy")


def test_the_x11_alternative_is_watched_the_same_way() -> None:
    unit = unit_file(LINUX / "x11" / "clinic-kiosk-x11.service")
    service = dict(unit["Service"])
    assert (service["Type"], service["NotifyAccess"], service["Restart"]) == (
        "notify",
        "all",
        "always",
    )
    assert service["WatchdogSec"] == "30"
    assert "WATCHDOG_PID" in service["UnsetEnvironment"].split()
    assert "/usr/share/clinic-kiosk/x11/kiosk-xsession" in service["ExecStart"]
    assert "clinic-kiosk.service" in " ".join(values(unit, "Unit", "Conflicts"))


def test_the_console_is_locked_unless_it_opts_in() -> None:
    # cage -s ALLOWS VT switching (cage -h): a public kiosk runs cage without it.
    session = (LINUX / "cage-session").read_text(encoding="utf-8")
    exec_line = next(line for line in session.splitlines() if line.startswith("exec "))
    assert exec_line == "exec /usr/bin/cage $turn ${KIOSK_CAGE_OPTIONS:-} -- /usr/bin/kiosk"
    unit = (LINUX / "clinic-kiosk.service").read_text(encoding="utf-8")
    assert "KIOSK_CAGE_OPTIONS=-s" in unit  # the documented opt-in, in a comment
    for readme in (REPO / "README.md", PACKAGING / "README.md"):
        text = readme.read_text(encoding="utf-8")
        assert "-s keeps VT switching off" not in text, readme
        assert "KIOSK_CAGE_OPTIONS=-s" in text, readme


def test_nothing_under_etc_is_shipped_so_upgrades_never_ask() -> None:
    # A conffile IT edits and the package changes stops `apt-get install -y ... </dev/null`.
    build = (PACKAGING / "build-deb.sh").read_text(encoding="utf-8")
    assert "conffiles" not in build.replace("No conffiles", "").replace("no conffiles", "")
    assert "$STAGE/etc" not in build
    assert not (LINUX / "conffiles").exists()
    postinst = (LINUX / "postinst").read_text(encoding="utf-8")
    assert "DEFAULTS=/usr/share/clinic-kiosk/defaults" in postinst
    assert "${Conffiles}" in postinst  # 0.1.0's conffiles adopted


def test_depends_covers_the_qt_platform_plugins() -> None:
    check_qt_libs = load_script(REPO / "scripts" / "check_qt_libs.py")
    declared = depends((LINUX / "control.in").read_text(encoding="utf-8"))
    missing = (set(check_qt_libs.PACKAGES.values()) | WAYLAND_PACKAGES) - declared
    assert not missing, f"add to Depends in packaging/linux/control.in: {sorted(missing)}"
    assert {"cage", "xwayland", "passwd"} <= declared
    check_deps = load_script(LINUX / "check-deps.py")
    assert set(check_deps.WAYLAND_PACKAGES.values()) - {"libdrm2"} <= declared


def test_control_template_is_filled_from_the_build() -> None:
    text = (LINUX / "control.in").read_text(encoding="utf-8")
    for field, placeholder in [
        ("Package", "clinic-kiosk"),
        ("Version", "@VERSION@"),
        ("Architecture", "@ARCH@"),
        ("Installed-Size", "@INSTALLED_SIZE@"),
        ("Maintainer", "@MAINTAINER@"),
    ]:
        assert re.search(rf"^{field}: {placeholder}$", text, re.MULTILINE), field
    assert "libc6 (>= @GLIBC@)" in text


def test_maintainer_scripts_create_and_purge_what_they_made() -> None:
    postinst = (LINUX / "postinst").read_text(encoding="utf-8")
    postrm = (LINUX / "postrm").read_text(encoding="utf-8")
    assert "useradd --system" in postinst
    assert 'chown "root:$KIOSK_USER" "$target"' in postinst  # the config, with the PIN hash
    purge = postrm.partition("purge)")[2].partition(";;")[0]
    assert "userdel" in purge and "$MARKER" in postrm
    for path in ("$HOME_DIR", "/var/cache/clinic-kiosk", "/var/log/clinic-kiosk"):
        assert path in purge, path
    assert "dpkg-statoverride --remove" in purge


def test_desktop_file_matches_the_apps_desktop_file_name() -> None:
    app = (REPO / "kiosk" / "ui" / "app.py").read_text(encoding="utf-8")
    match = re.search(r'^DESKTOP_FILE_NAME = "([^"]+)"', app, re.MULTILINE)
    assert match, "kiosk/ui/app.py has no DESKTOP_FILE_NAME"
    desktop = LINUX / f"{match.group(1)}.desktop"
    assert desktop.is_file(), f"packaging/linux/{desktop.name} is missing"
    entries = dict(
        line.split("=", 1)
        for line in desktop.read_text(encoding="utf-8").splitlines()
        if "=" in line
    )
    assert entries["Type"] == "Application"
    assert entries["Exec"].split()[0] == "kiosk"


def test_shipped_config_is_valid_and_points_at_the_deb_folders(tmp_path: Path) -> None:
    out = tmp_path / "kiosk.toml"
    subprocess.run(
        [sys.executable, str(LINUX / "make-config.py"), str(out)],
        check=True,
        capture_output=True,
    )
    config, problems = parse_config(out, out.read_text(encoding="utf-8"))
    assert problems == []
    assert config.content.folder == "/etc/clinic-kiosk/content"
    settings = tomllib.loads(out.read_text(encoding="utf-8"))
    if "folder" in settings.get("logging", {}):
        assert settings["logging"]["folder"] == "/var/log/clinic-kiosk"
    if "folder" in settings.get("state", {}):
        assert settings["state"]["folder"] == "/var/lib/clinic-kiosk/state"


# --- the Ansible playbook ----------------------------------------------------------------------


def ansible_playbook() -> Path:
    program = VENV_BIN / "ansible-playbook"
    if not program.exists():
        pytest.fail(
            f"ansible-playbook is not in {VENV_BIN}; install the packaging tools with: "
            f"{VENV_BIN / 'pip'} install -e '.[package]'"
        )
    return program


def test_ansible_playbook_syntax() -> None:
    result = subprocess.run(
        [ansible_playbook(), "--syntax-check", "-i", "inventory.example.ini", "site.yml"],
        cwd=ANSIBLE,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_ansible_check_run_against_localhost_changes_nothing(tmp_path: Path) -> None:
    deb = tmp_path / f"clinic-kiosk_{__version__}_amd64.deb"
    deb.write_bytes(b"not opened in check mode")
    staging = tmp_path / "staging"
    inventory = tmp_path / "inventory.ini"
    inventory.write_text(
        "[kiosks]\n"
        'localhost ansible_connection=local ansible_python_interpreter="{{ ansible_playbook_python }}"\n',
        encoding="utf-8",
    )
    result = subprocess.run(
        [
            ansible_playbook(),
            "-i",
            str(inventory),
            "site.yml",
            "--check",
            "-e",
            "ansible_become=false",
            "-e",
            f"kiosk_deb={deb}",
            "-e",
            f"kiosk_content_src={REPO / 'content'}",
            "-e",
            f"kiosk_staging_dir={staging}",
        ],
        cwd=ANSIBLE,
        capture_output=True,
        text=True,
        timeout=300,
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    recap = re.search(r"^localhost\s+:\s+(.*)$", result.stdout, re.MULTILINE)
    assert recap, output
    assert "unreachable=0" in recap.group(1) and "failed=0" in recap.group(1), output
    assert not staging.exists(), "check mode created the staging folder"


def test_ansible_config_template_is_a_valid_kiosk_config(tmp_path: Path) -> None:
    ansible_playbook()  # fail clearly when the packaging tools are missing
    # Both come with ansible-core, which ansible_playbook() has just found.
    jinja2 = importlib.import_module("jinja2")
    yaml = importlib.import_module("yaml")
    role = ANSIBLE / "roles" / "clinic_kiosk"
    defaults = yaml.safe_load((role / "defaults" / "main.yml").read_text(encoding="utf-8"))
    template = jinja2.Template((role / "templates" / "kiosk.toml.j2").read_text(encoding="utf-8"))
    text = template.render(**{**defaults, "kiosk_pin_hash": "", "kiosk_idle_timeout_s": 120})
    out = tmp_path / "kiosk.toml"
    config, problems = parse_config(out, text)
    assert problems == []
    assert config.content.folder == "/etc/clinic-kiosk/content"
    assert config.session.idle_timeout_s == 120


def test_packaging_tools_are_an_extra() -> None:
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    extra = " ".join(project["optional-dependencies"]["package"])
    assert "pyinstaller" in extra and "ansible-core" in extra


def test_check_deps_parses_depends_with_alternatives(tmp_path: Path) -> None:
    check_deps = load_script(LINUX / "check-deps.py")
    control = tmp_path / "control"
    control.write_text(
        "Package: x\nDepends: libc6 (>= 2.36),\n libssl3t64 | libssl3,\n cage\nRecommends: y\n",
        encoding="utf-8",
    )
    assert check_deps.declared_depends(control) == {"libc6", "libssl3t64", "libssl3", "cage"}


def test_readelf_is_there_for_the_dependency_check() -> None:
    if sys.platform.startswith("linux") and shutil.which("readelf") is None:
        pytest.fail("readelf (binutils) is needed by packaging/linux/check-deps.py")


def test_make_test_builds_the_deb_and_checks_its_depends() -> None:
    # CI runs `make test`: the .deb and its Depends check must be part of it, so a new system
    # library fails CI instead of the first `make package` on a clean clone.
    dry_run = subprocess.run(
        ["make", "-n", "test"], cwd=REPO, capture_output=True, text=True, check=True
    ).stdout
    assert "packaging/build-frozen.sh" in dry_run
    assert "packaging/smoke-test-frozen.sh" in dry_run
    assert "packaging/build-deb.sh" in dry_run
    build_deb = (PACKAGING / "build-deb.sh").read_text(encoding="utf-8")
    assert 'check-deps.py" --control' in build_deb


def test_the_unit_is_confined_to_an_ok_exposure() -> None:
    unit = unit_file(LINUX / "clinic-kiosk.service")
    service = dict(unit["Service"])
    assert service["ProtectSystem"] == "strict"
    assert service["DevicePolicy"] == "closed"
    assert service["CapabilityBoundingSet"] == ""
    assert service["UMask"] == "0027"  # state and logs readable by the folders' group adm
    assert service["ReadWritePaths"].split() == [
        "/var/lib/clinic-kiosk",
        "/var/log/clinic-kiosk",
        "/run/user",
    ]
    require("the unit's confinement score", {"systemd-analyze": "systemd"})
    report = subprocess.run(
        ["systemd-analyze", "security", "--offline=true", str(LINUX / "clinic-kiosk.service")],
        capture_output=True,
        text=True,
        check=False,
    ).stdout
    match = re.search(r"Overall exposure level for \S+: ([0-9.]+)", report)
    assert match, report[-500:]
    assert float(match.group(1)) <= 2.0


def test_one_rotation_setting_turns_the_output_and_the_touch_input() -> None:
    session = (LINUX / "cage-session").read_text(encoding="utf-8")
    rule = (LINUX / "70-clinic-kiosk-touch.rules").read_text(encoding="utf-8")
    turns = dict(re.findall(r"^(\d+)\) turn=(.*) ;;$", session, re.MULTILINE))
    matrices = dict(
        re.findall(
            r'ENV\{KIOSK_ROTATION\}=="(\d+)", ENV\{LIBINPUT_CALIBRATION_MATRIX\}="([-0-9 ]+)"', rule
        )
    )
    assert turns == {"0": "", "90": "-r", "180": '"-r -r"', "270": '"-r -r -r"'}
    assert set(matrices) == {"90", "180", "270"}
    assert 'IMPORT{file}="/etc/clinic-kiosk/display.env"' in rule
    unit = (LINUX / "clinic-kiosk.service").read_text(encoding="utf-8")
    assert "EnvironmentFile=-/etc/clinic-kiosk/display.env" in unit
    # libinput's matrix for a quarter turn clockwise, then the half and three-quarter turns.
    assert matrices == {"90": "0 -1 1 1 0 0", "180": "-1 0 1 0 -1 1", "270": "0 1 0 -1 0 1"}
