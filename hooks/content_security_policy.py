"""Tell the Content-Security-Policy template (partials/content-security-policy.html)
whether the site is being previewed with `mkdocs serve`, whose live-reload script is
inline: only the preview allows inline scripts, never a built site."""

from __future__ import annotations

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files

from legaltext.content_safety import content_security_policy

_command = {"name": "build"}  # set once per process, the same for every language's build


def on_startup(command: str, dirty: bool) -> None:
    _command["name"] = command


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    env.globals["content_security_policy"] = content_security_policy(_command["name"] == "serve")
    return env
