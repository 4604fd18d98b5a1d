"""Crawling with many workers over a shared queue in Redis (`prospect queue push`, `worker`,
`collect`, `queue status`).

The store's machine pushes queued prospects onto a Redis stream (`collector.py` `push`); workers
on any machine take them through a consumer group, crawl and extract each site and hand it back
on a second stream (`worker.py`); the store's machine collects the finished sites into the SQLite
store, one writer, scoring them there with the reps' reviews (`collector.py` `collect`). The
connection, the stream names and the failures are `streams.py`; a finished site's form on the
stream is `payload.py`. Redis's own
mechanisms carry the guarantees: a job a worker took stays pending until it acknowledges it, a
worker keeps its jobs' leases fresh while it crawls them, and a job whose worker died is claimed
by another after the lease (XAUTOCLAIM). A site handed back twice is stored once: its job is
marked collected in the transaction that stores it.
"""
