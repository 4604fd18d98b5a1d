"""The `serve` command: the review web app in a browser (see the `webapp` package)."""
from __future__ import annotations

import threading
import webbrowser

import click
from rich.text import Text

from prospect_intel.app.cli.console import err, out
from prospect_intel.app.cli.context import Context, pass_ctx
from prospect_intel.app.i18n import _

DEFAULT_PORT = 8765


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on. Anything but loopback needs the access token printed at start.")
@click.option("--port", type=click.IntRange(0, 65535), default=DEFAULT_PORT, show_default=True,
              help="Port (0 picks a free one).")
@click.option("--no-browser", is_flag=True, help="Do not open a browser window.")
@click.option(
    "--reviewer", envvar="PROSPECT_REVIEWER", help="Name in the audit trail (default $PROSPECT_REVIEWER or $USER)."
)
@pass_ctx
def serve(ctx: Context, host: str, port: int, no_browser: bool, reviewer: str | None) -> None:
    """Review evidence and grades in a browser: list, prospect pages, review, charts, exports."""
    from prospect_intel.app.web.server import build_server

    ctx.open(create=False)  # open (and migrate) first, so an unusable file fails with its own message
    running = build_server(ctx.db_path, host, port, reviewer)
    if running.token:
        err.print(Text(_(
            "WARNING: listening on %(host)s, reachable from other machines, over plain HTTP. Every request needs "
            "the access token below; share it only with people who may change this store.", host=host),
            style="bold red"))
        err.print(Text(_("access token (shown once): %(token)s", token=running.token), style="bold"))
        err.print(Text(_("colleagues open %(address)s with this machine's network address as the host, "
                         "and add ?token= and the token once", address=running.address)))
    out.print(Text(_("prospect review on %(url)s  (store %(file)s; Ctrl-C stops)", url=running.url,
                     file=ctx.db_path)))
    if not no_browser:
        threading.Timer(0.5, webbrowser.open, [running.url]).start()
    try:
        running.server.run()
    except KeyboardInterrupt:
        pass
    finally:
        running.server.close()


COMMANDS = [serve]
