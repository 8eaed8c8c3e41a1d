"""Options that several commands share, defined once."""

from __future__ import annotations

from pathlib import Path

import click

playbook_option = click.option(
    "--playbook",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="An organisation's own playbook (YAML) instead of the built-in one.",
)
