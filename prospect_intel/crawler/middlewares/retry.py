"""Retries with exponential back-off, honouring `Retry-After`, and never retrying a bot wall.

Scrapy's RetryMiddleware retries at once; a struggling small-business server deserves a pause.
The pause happens inside the middleware, so the site's (one) request slot waits with it.
"""
from __future__ import annotations

from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

from scrapy.downloadermiddlewares.retry import RetryMiddleware
from scrapy.utils.asyncio import sleep
from scrapy.utils.response import response_status_message

from prospect_intel.crawler.middlewares.deadline import remaining


class BackoffRetryMiddleware(RetryMiddleware):
    def __init__(self, settings):
        super().__init__(settings)
        self.base_delay = settings.getfloat("PROSPECT_RETRY_BASE_DELAY", 2.0)
        self.max_delay = settings.getfloat("PROSPECT_RETRY_MAX_DELAY", 60.0)

    async def process_response(self, request, response):
        if request.meta.get("dont_retry") or response.status not in self.retry_http_codes:
            return response
        if response.headers.get(b"cf-mitigated") or b"challenge-platform" in response.body[:20000]:
            return response  # a bot wall answers the same way every time
        retry = self._retry(request, response_status_message(response.status))
        if retry is None:
            return response
        await sleep(self._delay(request, response.headers.get(b"Retry-After")))
        return retry

    async def process_exception(self, request, exception):
        if not isinstance(exception, self.exceptions_to_retry) or request.meta.get("dont_retry"):
            return None
        retry = self._retry(request, exception)
        if retry is not None:
            await sleep(self._delay(request, None))
        return retry

    def _delay(self, request, retry_after: bytes | None) -> float:
        attempt = request.meta.get("retry_times", 0)
        delay = self.base_delay * (2**attempt)
        stated = _parse_retry_after(retry_after)
        if stated is not None:
            delay = max(delay, stated)
        left = remaining(request)  # never sleep past the site's time budget
        return max(0.0, min(delay, self.max_delay, left if left is not None else delay))


def _parse_retry_after(value: bytes | None) -> float | None:
    if not value:
        return None
    text = value.decode("latin-1").strip()
    if text.isdigit():
        return float(text)
    try:
        when = parsedate_to_datetime(text)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - datetime.now(UTC)).total_seconds())
