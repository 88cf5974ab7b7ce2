"""Print the README's table of configuration keys, made from their declarations.

Each key of Lethe's configuration is declared once, in ``src/lethe/config.py`` (its type,
default and help: :func:`lethe.config.setting`). This prints the Markdown table that the
"Configuration" section of README.md holds, or checks or rewrites that table.

Usage::

    python tools/config_table.py            # print the table
    python tools/config_table.py --check    # exit 1 if README.md's table differs
    python tools/config_table.py --write    # replace README.md's table
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from lethe.config import markdown_table

README = Path(__file__).resolve().parent.parent / "README.md"
HEADER = "| key | default | meaning |"


def table_lines(text: str) -> tuple[int, int]:
    """The first and last + 1 line numbers (0-based) of the configuration table in ``text``.

    Raises
    ------
    ValueError
        If ``text`` has no line ``| key | default | meaning |``.
    """
    lines = text.splitlines()
    start = lines.index(HEADER)
    end = start
    while end < len(lines) and lines[end].startswith("|"):
        end += 1
    return start, end


def main(argv: list[str] | None = None) -> int:
    """Print, check or write the table; 0 on success, 1 if README.md's table differs."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    action = parser.add_mutually_exclusive_group()
    action.add_argument("--check", action="store_true", help="compare with README.md's table")
    action.add_argument("--write", action="store_true", help="replace README.md's table")
    args = parser.parse_args(argv)
    table = markdown_table()
    if not (args.check or args.write):
        sys.stdout.write(table)
        return 0
    text = README.read_text(encoding="utf-8")
    lines = text.splitlines(keepends=True)
    start, end = table_lines(text)
    if args.check:
        if "".join(lines[start:end]) != table:
            print(f"{README}: the configuration table is not up to date "
                  "(python tools/config_table.py --write)", file=sys.stderr)
            return 1
        return 0
    README.write_text("".join(lines[:start]) + table + "".join(lines[end:]), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
