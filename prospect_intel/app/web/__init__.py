"""The local review web app: the morning review of evidence and grades in a browser.

`create_app` builds the Flask app over one store; `prospect serve` (prospect/cli/serve.py) runs it
under waitress. Everything it changes goes through `prospect_intel.app.workflows`, the same functions the
CLI uses, so the audit trail and the re-scoring are the same.
"""
from prospect_intel.app.web.app import AppConfig, create_app

__all__ = ["AppConfig", "create_app"]
