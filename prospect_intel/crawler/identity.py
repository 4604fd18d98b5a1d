"""Who the crawl says it is: the user agent, with the operator's contact, settled when it starts.

Site owners read the user agent to learn who crawls them; the contact in it must be the
operator's, not this project's, so it is the operator's to set (PROSPECT_CONTACT_URL) and a
crawl of public sites refuses to start without one. A replay fetches nothing and a loopback crawl
(PROSPECT_ALLOW_PRIVATE, tests and local fixtures) reaches no one, so they need none.
"""
from __future__ import annotations

from scrapy.settings import BaseSettings

from prospect_intel.core.language import _

# Scrapy settings the spider's own scheduling makes idle, with what to use instead.
IDLE_SETTINGS = {
    "DEPTH_LIMIT": "PROSPECT_MAX_DEPTH (link hops from the home page)",
    "DEPTH_PRIORITY": "nothing: links are ranked per site (crawler/linkrank.py)",
}
NO_CONTACT = "no contact set"


def contact(settings: BaseSettings) -> str:
    return (settings.get("PROSPECT_CONTACT_URL") or "").strip()


def user_agent(settings: BaseSettings) -> str:
    """"ProspectResearchBot/0.1 (+https://operator.example/bot)"; a local crawl without a
    contact says so instead of naming anyone."""
    return f"{settings.get('PROSPECT_BOT_NAME')} (+{contact(settings) or NO_CONTACT})"


def missing_contact(settings: BaseSettings) -> str | None:
    """Why this crawl may not start, or None: public sites are not crawled without a contact."""
    if contact(settings) or settings.get("PROSPECT_REPLAY_DIR") or settings.getbool("PROSPECT_ALLOW_PRIVATE"):
        return None
    return _("no operator contact: site owners read the crawler's user agent to learn who crawls them. "
             "Set yours with `prospect config set contact https://your.site/crawler` (or a mailto: address), "
             "$PROSPECT_CONTACT_URL, or -s PROSPECT_CONTACT_URL=...")


def idle_settings(settings: BaseSettings) -> list[str]:
    """The usual Scrapy settings an operator set that do nothing in this crawl, each with its
    replacement."""
    return [_("%(name)s has no effect here: use %(instead)s", name=name, instead=instead)
            for name, instead in IDLE_SETTINGS.items()
            if settings.getpriority(name) not in (None, 0) and settings.get(name)]
