"""Typed errors of the library; the CLI is the one place that turns them into messages."""


class ProspectError(Exception):
    """Base class: an expected failure with a message fit for the user."""

    exit_code = 1


class InvalidUrl(ProspectError):
    """A URL that cannot be a prospect's website."""

    exit_code = 2


class UnknownField(ProspectError):
    """A field name that is not one of the evidence contract's fields."""

    exit_code = 2


class NotFound(ProspectError):
    """No such prospect in the store."""

    exit_code = 3


class StoreError(ProspectError):
    """The database file is missing, unreadable or not ours."""

    exit_code = 4


class QueueBusy(ProspectError):
    """Another crawl holds this store's queue."""

    exit_code = 5


class FixtureError(ProspectError):
    """A saved-site folder that cannot be read or written."""

    exit_code = 6


class SettingError(ProspectError):
    """A setting (`prospect config`, an environment variable) with a value the tool cannot use."""

    exit_code = 2
