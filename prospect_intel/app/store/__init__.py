"""The SQLite store: the one package that owns the schema and every SQL statement.

`Store` is assembled from one mixin per concern (queue and pages, evidence, reviews, scores,
registry imports, crawl history, the prospect list),
each in its own module, all sharing one connection.
"""
from prospect_intel.app.store.core import AddResult, AlreadyCollected, Claimed, ReviewsChanged, utc_now
from prospect_intel.app.store.core import Store as _CoreStore
from prospect_intel.app.store.evidence import EvidenceMixin
from prospect_intel.app.store.history import HistoryMixin
from prospect_intel.app.store.listing import ListingMixin
from prospect_intel.app.store.registry import RegistryMixin
from prospect_intel.app.store.relay import RelayMixin
from prospect_intel.app.store.reviews import ReviewMixin
from prospect_intel.app.store.scores import ScoreMixin


class Store(EvidenceMixin, ReviewMixin, ScoreMixin, RegistryMixin, HistoryMixin, ListingMixin, RelayMixin,
            _CoreStore):
    """A prospect store in one SQLite file (WAL mode, so readers never block the crawl)."""


__all__ = ["AddResult", "AlreadyCollected", "Claimed", "ReviewsChanged", "Store", "utc_now"]
