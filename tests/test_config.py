"""Lethe's configuration (lethe.config): declared keys, their checks, the README's table."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from lethe.config import (
    SETTINGS,
    Config,
    ConfigError,
    PostgreSQLConfig,
    config_from_dict,
    markdown_table,
)

README = Path(__file__).resolve().parents[1] / "README.md"


def test_every_key_is_declared_with_a_real_type_and_help() -> None:
    assert [s.name for s in SETTINGS] == [name for name in Config.__dataclass_fields__]
    for declared in SETTINGS:
        assert isinstance(declared.value_type, type) and declared.help, declared.name
        assert declared.default == getattr(Config(), declared.name), declared.name
    types = {s.name: s.value_type for s in SETTINGS}
    assert types["HttpPort"] is int and types["Name"] is str
    assert types["OverwriteInstances"] is bool and types["RegisteredUsers"] is dict
    assert types["PostgreSQL"] is PostgreSQLConfig


def test_the_readme_table_lists_every_key_with_its_default() -> None:
    lines = README.read_text(encoding="utf-8").splitlines()
    start = lines.index("| key | default | meaning |")
    end = start
    while end < len(lines) and lines[end].startswith("|"):
        end += 1
    assert "\n".join(lines[start:end]) + "\n" == markdown_table(), (
        "README.md's configuration table is out of date: python tools/config_table.py --write")


@pytest.mark.parametrize(("raw", "message"), [
    ({"HttpPort": "80"}, "key 'HttpPort' must be of type int, got str"),
    ({"HttpPort": True}, "key 'HttpPort' must be of type int, got bool"),
    ({"OverwriteInstances": 1}, "key 'OverwriteInstances' must be of type bool, got int"),
    ({"Dictionary": []}, "key 'Dictionary' must be of type dict, got list"),
    ({"PostgreSQL": "on"}, "key 'PostgreSQL' must be of type dict, got str"),
    ({"StableAge": -1}, "key 'StableAge' must not be negative, got -1"),
    ({"UidRoot": "1.02"}, "key 'UidRoot': UidRoot '1.02' is not a valid DICOM UID"),
    ({"RegisteredUsers": {"alice": 1}}, "key 'RegisteredUsers': the password of 'alice'"),
])
def test_a_wrong_value_is_refused_naming_the_key(raw: dict, message: str) -> None:
    with pytest.raises(ConfigError, match="^test.json: " + message.replace("(", r"\(")):
        config_from_dict(raw, "test.json")


def test_known_values_are_kept_and_unknown_keys_ignored(
        caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, logger="lethe.config"):
        config = config_from_dict({"HttpPort": 9000, "RegisteredUsers": {"a": "b"},
                                   "Plugins": [], "NoSuchKey": 1})
    assert config.HttpPort == 9000 and config.RegisteredUsers == {"a": "b"}
    assert config.Name == "Lethe" and config.index_directory == "lethe-data"
    assert [r.getMessage() for r in caplog.records] == [
        "configuration: unknown configuration key 'NoSuchKey' is ignored"]
    assert Config().Dictionary is not Config().Dictionary  # a fresh dictionary each
