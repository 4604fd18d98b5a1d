"""Schema of the store as named migrations, each applied once (sqlite-utils' `Migrations`).

Stores written before the move to sqlite-utils recorded their migrations in a table of their
own (`_migrations`); `migrate` adopts that record once, so no migration runs twice.
"""
from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from prospect_intel.app.store.snapshots import write_snapshot
from prospect_intel.core.urls import site_identity

MIGRATIONS = Migrations("prospect-store")
LEGACY_TABLE = "_migrations"


@MIGRATIONS(name="0001_initial")
def _initial(db: Database) -> None:
    _run_statements(
        db,
        """
        CREATE TABLE prospects (
            id INTEGER PRIMARY KEY,
            url TEXT NOT NULL UNIQUE,
            domain TEXT NOT NULL,
            name TEXT,
            status TEXT NOT NULL DEFAULT 'queued'
                CHECK (status IN ('queued', 'crawling', 'done', 'failed')),
            error_kind TEXT,
            error TEXT,
            final_url TEXT,
            site_domain TEXT,
            run_id INTEGER,
            attempts INTEGER NOT NULL DEFAULT 0,
            requests INTEGER,
            added_at TEXT NOT NULL,
            crawled_at TEXT
        );
        CREATE INDEX prospects_status ON prospects (status, id);
        CREATE TABLE runs (
            id INTEGER PRIMARY KEY,
            started_at TEXT NOT NULL,
            finished_at TEXT,
            pid INTEGER,
            options TEXT,
            sites_done INTEGER NOT NULL DEFAULT 0,
            sites_failed INTEGER NOT NULL DEFAULT 0,
            pages INTEGER NOT NULL DEFAULT 0,
            outcome TEXT
        );
        CREATE TABLE bodies (
            sha256 TEXT PRIMARY KEY,
            size INTEGER NOT NULL,
            compression TEXT NOT NULL,
            data BLOB NOT NULL
        );
        CREATE TABLE pages (
            id INTEGER PRIMARY KEY,
            prospect_id INTEGER NOT NULL REFERENCES prospects (id) ON DELETE CASCADE,
            run_id INTEGER REFERENCES runs (id),
            seq INTEGER NOT NULL,
            url TEXT NOT NULL,
            requested_url TEXT,
            role TEXT NOT NULL,
            status INTEGER NOT NULL,
            fetched_at TEXT NOT NULL,
            content_type TEXT,
            encoding TEXT,
            title TEXT,
            text TEXT,
            depth INTEGER,
            body_sha256 TEXT REFERENCES bodies (sha256),
            UNIQUE (prospect_id, url)
        );
        CREATE INDEX pages_prospect ON pages (prospect_id, seq);
        """
    )


def _run_statements(db: Database, script: str) -> None:
    for statement in script.split(";"):
        if statement.strip():
            db.execute(statement)


@MIGRATIONS(name="0002_evidence_reviews_scores")
def _evidence_reviews_scores(db: Database) -> None:
    _run_statements(
        db,
        """
        CREATE TABLE extractions (
            prospect_id INTEGER PRIMARY KEY REFERENCES prospects (id) ON DELETE CASCADE,
            extracted_at TEXT NOT NULL,
            pages INTEGER NOT NULL
        );
        CREATE TABLE evidence (
            prospect_id INTEGER NOT NULL REFERENCES prospects (id) ON DELETE CASCADE,
            field TEXT NOT NULL,
            value TEXT NOT NULL,
            confidence TEXT NOT NULL,
            source_url TEXT,
            snippet TEXT,
            method TEXT,
            flags TEXT NOT NULL DEFAULT '[]',
            candidates TEXT NOT NULL DEFAULT '[]',
            notes TEXT NOT NULL DEFAULT '[]',
            PRIMARY KEY (prospect_id, field)
        );
        CREATE TABLE absences (
            prospect_id INTEGER NOT NULL REFERENCES prospects (id) ON DELETE CASCADE,
            field TEXT NOT NULL,
            reason TEXT NOT NULL,
            PRIMARY KEY (prospect_id, field)
        );
        CREATE TABLE review_facts (
            prospect_id INTEGER NOT NULL REFERENCES prospects (id) ON DELETE CASCADE,
            field TEXT NOT NULL,
            action TEXT NOT NULL CHECK (action IN ('confirmed', 'corrected', 'rejected', 'added')),
            value TEXT,
            source TEXT NOT NULL,
            note TEXT,
            reviewer TEXT,
            at TEXT NOT NULL,
            PRIMARY KEY (prospect_id, field)
        );
        CREATE TABLE reviews (
            id INTEGER PRIMARY KEY,
            prospect_id INTEGER NOT NULL REFERENCES prospects (id) ON DELETE CASCADE,
            field TEXT NOT NULL,
            action TEXT NOT NULL,
            old_value TEXT,
            new_value TEXT,
            source TEXT,
            note TEXT,
            reviewer TEXT,
            at TEXT NOT NULL
        );
        CREATE INDEX reviews_prospect ON reviews (prospect_id, id);
        CREATE TABLE scores (
            id INTEGER PRIMARY KEY,
            prospect_id INTEGER NOT NULL REFERENCES prospects (id) ON DELETE CASCADE,
            rubric TEXT NOT NULL,
            rubric_version TEXT NOT NULL,
            total REAL,
            grade TEXT,
            grade_low TEXT,
            grade_high TEXT,
            knockout TEXT,
            unscored TEXT,
            needs_review INTEGER NOT NULL DEFAULT 0,
            result TEXT NOT NULL,
            inputs TEXT NOT NULL,
            scored_at TEXT NOT NULL
        );
        CREATE INDEX scores_prospect ON scores (prospect_id, id);
        ALTER TABLE prospects ADD COLUMN score_id INTEGER REFERENCES scores (id);
        CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)
        """,
    )


@MIGRATIONS(name="0003_start_redirects")
def _start_redirects(db: Database) -> None:
    db.execute("ALTER TABLE prospects ADD COLUMN redirects TEXT")


# The name a list shows (`app/names.py`: a reviewed company_name, the queued name, the extracted
# one; none when the rep rejected it), for prospect `{id}`, as one SQL expression.
_WHITE = "' \t\n\r\x0c\x0b'"
_REVIEWED = f"trim(coalesce(CAST(json_extract(f.value, '$') AS TEXT), ''), {_WHITE})"
_LIST_NAME = (
    f"(SELECT CASE WHEN f.action IS NOT NULL AND f.action != 'rejected' AND {_REVIEWED} != '' THEN {_REVIEWED} "
    f"WHEN trim(coalesce(p.name, ''), {_WHITE}) != '' THEN trim(p.name, {_WHITE}) "
    "WHEN f.action = 'rejected' THEN NULL "
    f"ELSE nullif(trim(coalesce(CAST(json_extract(e.value, '$') AS TEXT), ''), {_WHITE}), '') END "
    "FROM prospects p LEFT JOIN review_facts f ON f.prospect_id = p.id AND f.field = 'company_name' "
    "LEFT JOIN evidence e ON e.prospect_id = p.id AND e.field = 'company_name' WHERE p.id = {id})")
_SCORE = "(SELECT {column} FROM scores WHERE id = {id})"
_LIST_GRADE = ("coalesce(nullif(grade, ''), CASE WHEN coalesce(unscored, '') != '' THEN 'unscored' END)")


def _set_list_name(id_: str) -> str:
    return f"UPDATE prospects SET list_name = {_LIST_NAME.format(id=id_)} WHERE id = {id_};"


def _set_list_score(id_: str, score_id: str) -> str:
    columns = {"list_grade": _LIST_GRADE, "list_total": "total", "list_grade_low": "grade_low",
               "list_grade_high": "grade_high"}
    sets = ", ".join(f"{name} = {_SCORE.format(column=expression, id=score_id)}"
                     for name, expression in columns.items())
    review = _SCORE.format(column="needs_review", id=score_id)
    return f"UPDATE prospects SET {sets}, list_needs_review = coalesce({review}, 0) WHERE id = {id_};"


@MIGRATIONS(name="0004_list_columns")
def _list_columns(db: Database) -> None:
    """What the prospect list filters, sorts and counts by, kept on the prospect row by triggers
    (a list of 100,000 prospects joined to their scores and names took a second a page): the
    effective name, and the current score's grade, total, range and fields to review."""
    for column in ("list_name TEXT", "list_grade TEXT", "list_total REAL", "list_grade_low TEXT",
                   "list_grade_high TEXT", "list_needs_review INTEGER NOT NULL DEFAULT 0"):
        db.execute(f"ALTER TABLE prospects ADD COLUMN {column}")
    db.execute("CREATE INDEX prospects_list_grade ON prospects (list_grade)")
    db.execute("CREATE INDEX prospects_list_name ON prospects (coalesce(list_name, domain) COLLATE NOCASE, id)")
    triggers = {
        "prospects_list_name_added": f"AFTER INSERT ON prospects BEGIN {_set_list_name('NEW.id')} END",
        "prospects_list_name_renamed": f"AFTER UPDATE OF name ON prospects BEGIN {_set_list_name('NEW.id')} END",
        "prospects_list_score":
            f"AFTER UPDATE OF score_id ON prospects BEGIN {_set_list_score('NEW.id', 'NEW.score_id')} END",
    }
    for table in ("review_facts", "evidence"):
        for event, row in (("INSERT", "NEW"), ("UPDATE", "NEW"), ("DELETE", "OLD")):
            triggers[f"{table}_list_name_{event.lower()}"] = (
                f"AFTER {event} ON {table} WHEN {row}.field = 'company_name' "
                f"BEGIN {_set_list_name(row + '.prospect_id')} END")
    for name, body in triggers.items():
        db.execute(f"CREATE TRIGGER {name} {body}")
    db.execute(f"UPDATE prospects SET list_name = {_LIST_NAME.format(id='prospects.id')}")
    db.execute(_set_list_score("prospects.id", "prospects.score_id").replace(" WHERE id = prospects.id;", ""))


@MIGRATIONS(name="0005_site_identity")
def _site_identity(db: Database) -> None:
    """One prospect per company site: the site identity of each URL (`core.urls.site_identity`),
    indexed, so a second URL of a known site is found as a duplicate."""
    db.execute("ALTER TABLE prospects ADD COLUMN site TEXT")
    rows = db.execute("SELECT id, url FROM prospects").fetchall()
    db.conn.executemany("UPDATE prospects SET site = ? WHERE id = ?", [(site_identity(url), id_) for id_, url in rows])
    db.execute("CREATE INDEX prospects_site ON prospects (site)")


@MIGRATIONS(name="0006_archive")
def _archive(db: Database) -> None:
    """Removed prospects, kept with their evidence, reviews and scores (as JSON) until purged."""
    db.execute("CREATE TABLE archive (id INTEGER PRIMARY KEY, url TEXT NOT NULL, removed_at TEXT NOT NULL, "
               "removed_by TEXT, record TEXT NOT NULL)")
    db.execute("CREATE INDEX archive_url ON archive (url)")


@MIGRATIONS(name="0007_list_knockout")
def _list_knockout(db: Database) -> None:
    """Whether the current score is a knock-out, on the prospect row too (the review queue puts
    knocked-out prospects last): the score trigger of 0004 is made anew with it."""
    db.execute("ALTER TABLE prospects ADD COLUMN list_knocked_out INTEGER NOT NULL DEFAULT 0")
    db.execute("DROP TRIGGER prospects_list_score")
    knocked = _SCORE.format(column="knockout IS NOT NULL", id="NEW.score_id")
    db.execute(f"CREATE TRIGGER prospects_list_score AFTER UPDATE OF score_id ON prospects BEGIN "
               f"{_set_list_score('NEW.id', 'NEW.score_id')[:-1]}; "
               f"UPDATE prospects SET list_knocked_out = coalesce({knocked}, 0) WHERE id = NEW.id; END")
    db.execute("UPDATE prospects SET list_knocked_out = coalesce((SELECT knockout IS NOT NULL FROM scores "
               "WHERE id = prospects.score_id), 0)")


@MIGRATIONS(name="0008_list_name_on_insert")
def _list_name_on_insert(db: Database) -> None:
    """A new prospect's list name is its queued name, written with the row (`Store.add_prospects`):
    the insert trigger of 0004 ran a joined lookup per row, a third of the time of a big `add`."""
    db.execute("DROP TRIGGER prospects_list_name_added")


@MIGRATIONS(name="0009_registry")
def _registry(db: Database) -> None:
    """Business-registry exports (`prospect import-registry`): each file once (by its hash), each
    row with the prospect it matched (and how), and the facts a matched row gives its prospect."""
    _run_statements(
        db,
        """
        CREATE TABLE registry_imports (
            id INTEGER PRIMARY KEY,
            sha256 TEXT NOT NULL UNIQUE,
            file TEXT NOT NULL,
            format TEXT NOT NULL,
            header_row INTEGER NOT NULL,
            rows INTEGER NOT NULL,
            matched INTEGER NOT NULL,
            imported_at TEXT NOT NULL
        );
        CREATE TABLE registry_rows (
            import_id INTEGER NOT NULL REFERENCES registry_imports (id) ON DELETE CASCADE,
            row INTEGER NOT NULL,
            name TEXT,
            registry_id TEXT,
            website TEXT,
            prospect_id INTEGER REFERENCES prospects (id) ON DELETE SET NULL,
            matched_by TEXT,
            match_score REAL,
            note TEXT,
            PRIMARY KEY (import_id, row)
        );
        CREATE INDEX registry_rows_prospect ON registry_rows (prospect_id);
        CREATE TABLE registry_evidence (
            prospect_id INTEGER NOT NULL REFERENCES prospects (id) ON DELETE CASCADE,
            field TEXT NOT NULL,
            value TEXT NOT NULL,
            confidence TEXT NOT NULL,
            source_url TEXT NOT NULL,
            snippet TEXT,
            method TEXT,
            import_id INTEGER NOT NULL REFERENCES registry_imports (id) ON DELETE CASCADE,
            row INTEGER NOT NULL,
            PRIMARY KEY (prospect_id, field)
        )
        """,
    )


@MIGRATIONS(name="0010_snapshots")
def _snapshots(db: Database) -> None:
    """Every crawl of a prospect kept: its page list and its extracted evidence as parts stored
    once by content hash (an unchanged site costs a row per crawl, nothing more; the page bodies
    are shared already), and the score it earned. The prospects crawled before this migration
    get their current state as their first snapshot."""
    _run_statements(
        db,
        """
        CREATE TABLE snapshot_parts (
            sha256 TEXT PRIMARY KEY,
            data BLOB NOT NULL
        );
        CREATE TABLE snapshots (
            id INTEGER PRIMARY KEY,
            prospect_id INTEGER NOT NULL REFERENCES prospects (id) ON DELETE CASCADE,
            run_id INTEGER,
            crawled_at TEXT NOT NULL,
            status TEXT NOT NULL,
            error_kind TEXT,
            error TEXT,
            final_url TEXT,
            pages_sha256 TEXT NOT NULL REFERENCES snapshot_parts (sha256),
            evidence_sha256 TEXT NOT NULL REFERENCES snapshot_parts (sha256),
            score_id INTEGER REFERENCES scores (id)
        );
        CREATE INDEX snapshots_prospect ON snapshots (prospect_id, id)
        """,
    )
    crawled = db.execute("SELECT id FROM prospects WHERE status IN ('done', 'failed') AND crawled_at IS NOT NULL")
    for (prospect_id,) in crawled.fetchall():
        write_snapshot(db, prospect_id)


@MIGRATIONS(name="0011_review_site_value")
def _review_site_value(db: Database) -> None:
    """What the site stated when the rep reviewed a field, so a recrawl that reads another value
    tells the rep (earlier reviews: unknown)."""
    db.execute("ALTER TABLE review_facts ADD COLUMN site_value TEXT")


@MIGRATIONS(name="0012_list_changed")
def _list_changed(db: Database) -> None:
    """What the last crawl changed (`snapshots.CHANGE_KINDS`, comma-joined; '' nothing or a first
    crawl), on the prospect row: the morning list shows it and filters by it."""
    db.execute("ALTER TABLE prospects ADD COLUMN list_changed TEXT NOT NULL DEFAULT ''")


@MIGRATIONS(name="0013_delta_blobs")
def _delta_blobs(db: Database) -> None:
    """A page body or snapshot part may be stored as a delta against its previous version
    (`packing.py`): the base's hash and how many deltas lead back to a full copy."""
    for table in ("bodies", "snapshot_parts"):
        db.execute(f"ALTER TABLE {table} ADD COLUMN base_sha256 TEXT")
        db.execute(f"ALTER TABLE {table} ADD COLUMN depth INTEGER NOT NULL DEFAULT 0")


@MIGRATIONS(name="0014_tls_expires")
def _tls_expires(db: Database) -> None:
    """The day the TLS certificate of a page fetched over HTTPS expires (the home page's: a sign
    of life, `site_status` certificate_expired)."""
    db.execute("ALTER TABLE pages ADD COLUMN tls_expires TEXT")


@MIGRATIONS(name="0015_relay_jobs")
def _relay_jobs(db: Database) -> None:
    """Prospects pushed onto a Redis queue for remote workers (`prospect queue push`): the job,
    the stream entry it was sent as, and when its finished site was stored (a site handed back
    twice is stored once)."""
    _run_statements(
        db,
        """
        CREATE TABLE relay_jobs (
            id INTEGER PRIMARY KEY,
            prospect_id INTEGER NOT NULL REFERENCES prospects (id) ON DELETE CASCADE,
            pushed_at TEXT NOT NULL,
            stream_id TEXT,
            collected_at TEXT
        );
        CREATE INDEX relay_jobs_open ON relay_jobs (prospect_id) WHERE collected_at IS NULL
        """,
    )


@MIGRATIONS(name="0016_rendered_pages")
def _rendered_pages(db: Database) -> None:
    """Pages drawn by scripts whose HTML headless Chromium built (`crawler/rendering.py`)."""
    db.execute("ALTER TABLE pages ADD COLUMN rendered INTEGER NOT NULL DEFAULT 0")


@MIGRATIONS(name="0017_review_reasons")
def _review_reasons(db: Database) -> None:
    """Why a rep corrected or rejected an extracted value (wrong_page, wrong_company, ...)."""
    for table in ("review_facts", "reviews"):
        db.execute(f"ALTER TABLE {table} ADD COLUMN reason TEXT")


def is_prospect_store(tables: set[str], db: Database) -> bool:
    """Whether a database holding `tables` was made by this program (and may be migrated)."""
    if LEGACY_TABLE in tables:
        return True
    return MIGRATIONS.migrations_table in tables and bool(MIGRATIONS.applied(db))


def migrate(db: Database) -> list[str]:
    """Apply the migrations this database lacks, in order; return their names.

    A store that lacks none is only read. Otherwise all of it runs in one write transaction
    taken up front (each migration in a savepoint of it), so two processes opening a new store
    at once never both migrate it."""
    if not MIGRATIONS.pending(db) and not db[LEGACY_TABLE].exists():
        return []
    db.execute("BEGIN IMMEDIATE")
    try:
        _adopt_legacy_record(db)
        pending = [migration.name for migration in MIGRATIONS.pending(db)]
        MIGRATIONS.apply(db)
    except BaseException:
        db.execute("ROLLBACK")
        raise
    db.execute("COMMIT")
    return pending


def _adopt_legacy_record(db: Database) -> None:
    if not db[LEGACY_TABLE].exists():
        return
    MIGRATIONS.ensure_migrations_table(db)
    applied = {m.name for m in MIGRATIONS.applied(db)}
    db[MIGRATIONS.migrations_table].insert_all(
        {"migration_set": MIGRATIONS.name, "name": name, "applied_at": at}
        for name, at in db.execute(f"SELECT name, applied_at FROM {LEGACY_TABLE} ORDER BY rowid")
        if name not in applied
    )
    db[LEGACY_TABLE].drop()
