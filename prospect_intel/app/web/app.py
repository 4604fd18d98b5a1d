"""The Flask application factory: configuration, per-request store, blueprints, error pages."""
from __future__ import annotations

import secrets
from dataclasses import dataclass
from pathlib import Path

from flask import Flask, g, render_template
from flask_wtf.csrf import CSRFError, CSRFProtect

from prospect_intel.app.i18n import _
from prospect_intel.app.store import Store
from prospect_intel.app.web import language, security
from prospect_intel.core.errors import NotFound, ProspectError

MAX_UPLOAD_BYTES = 20 * 1024 * 1024  # a CRM export of tens of thousands of rows


@dataclass(frozen=True)
class AppConfig:
    """How one app instance runs: its store, who reviews, and how it is guarded."""

    db_path: str
    reviewer: str | None = None
    access_token: str | None = None  # required on every request when set (bound beyond loopback)
    loopback_only: bool = True  # reject requests whose Host is not a loopback name (DNS rebinding)
    login_code: str | None = None  # one-time code of the login link printed at start (with a token)
    path_prefix: str = ""  # served under this path (beyond loopback), its cookies scoped to it
    language: str | None = None  # the operator's setting; None: each browser's Accept-Language


def create_app(config: AppConfig) -> Flask:
    app = Flask(__name__)
    app.config.update(
        SECRET_KEY=secrets.token_hex(32),
        MAX_CONTENT_LENGTH=MAX_UPLOAD_BYTES,
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Strict",
        SESSION_COOKIE_NAME="prospect_session",
        SESSION_COOKIE_PATH=config.path_prefix + "/",
        WTF_CSRF_TIME_LIMIT=None,  # a review page may stay open all morning
        PROSPECT=config,
    )
    language.install(app)  # first: a refusal below speaks the request's language, not the thread's last one
    security.install(app, config)  # then a request without the token is refused before anything else
    CSRFProtect(app)
    _install_store(app, Path(config.db_path))
    _install_errors(app)
    _install_blueprints(app)
    return app


def store() -> Store:
    """The request's own store connection (sqlite connections are not shared across threads)."""
    if "store" not in g:
        g.store = Store(g.db_path)
    return g.store


def _install_store(app: Flask, db_path: Path) -> None:
    @app.before_request
    def _remember_path() -> None:
        g.db_path = db_path

    @app.teardown_appcontext
    def _close(_exc: BaseException | None) -> None:
        opened = g.pop("store", None)
        if opened is not None:
            opened.close()


def _install_errors(app: Flask) -> None:
    @app.errorhandler(CSRFError)
    def _csrf(exc: CSRFError):
        return render_template("error.html", title=_("Form expired"),
                               message=_("%(reason)s Reload the page and try again.", reason=exc.description)), 400

    @app.errorhandler(NotFound)
    def _not_found(exc: NotFound):
        return render_template("error.html", title=_("Not found"), message=str(exc)), 404

    @app.errorhandler(ProspectError)
    def _prospect_error(exc: ProspectError):
        return render_template("error.html", title=_("Cannot do that"), message=str(exc)), 400

    @app.errorhandler(404)
    def _no_route(_exc):
        return render_template("error.html", title=_("Not found"), message=_("No such page.")), 404

    @app.errorhandler(413)
    def _too_large(_exc):
        limit = MAX_UPLOAD_BYTES // (1024 * 1024)
        return render_template("error.html", title=_("File too large"),
                               message=_("Uploads are limited to %(limit)s MB; split the file.", limit=limit)), 413


def _install_blueprints(app: Flask) -> None:
    from prospect_intel.app.web import present, routes_list, routes_prospect, routes_saved

    for module in (routes_list, routes_prospect, routes_saved):
        app.register_blueprint(module.bp)
    app.jinja_env.filters.update(present.FILTERS)
