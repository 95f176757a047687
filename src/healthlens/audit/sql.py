"""DuckDB over an audit's parts: the rows are the view ``pages``.

healthlens audit sql DIR "SELECT page_answer, count(*) FROM pages GROUP BY 1"
"""

from __future__ import annotations

import os
from pathlib import Path

from ..errors import InputError
from .resume import MANIFEST, part_files
from .writer import PART_GLOB

__all__ = ["connect", "query"]


def connect(out_dir: str | os.PathLike):
    """A DuckDB connection with the view ``pages`` over the audit in ``out_dir``."""
    try:
        import duckdb  # lazy: the optional audit extra, and slow to import
    except ImportError as exc:
        raise InputError("querying an audit needs DuckDB: pip install 'healthlens[audit]'") from exc
    out = Path(out_dir)
    if not (out / MANIFEST).exists() and not part_files(out):
        raise InputError(
            f"{out}: not an audit directory (no {MANIFEST}); run `healthlens audit INPUT... --out {out}` first"
        )
    con = duckdb.connect()
    if part_files(out):
        glob = str(out / PART_GLOB).replace("'", "''")
        con.execute(f"CREATE VIEW pages AS SELECT * FROM read_parquet('{glob}')")
    else:  # an audit that has written nothing yet: an empty view with the columns
        # lazy: pyarrow is the audit extra, slow to import, and SCHEMA imports it
        import pyarrow as pa

        from .writer import SCHEMA

        con.register("_empty", pa.Table.from_pylist([], schema=SCHEMA))
        con.execute("CREATE VIEW pages AS SELECT * FROM _empty")
    return con


def query(out_dir: str | os.PathLike, sql: str) -> tuple[list[str], list[tuple]]:
    """(column names, rows) of ``sql`` run against the audit in ``out_dir``."""
    import duckdb  # lazy: the audit extra (connect() says so when it is missing)

    con = connect(out_dir)
    try:
        cur = con.execute(sql)
        if cur.description is None:
            return [], []
        return [d[0] for d in cur.description], cur.fetchall()
    except duckdb.Error as exc:
        raise InputError(f"the query failed: {exc}".strip()) from exc
    finally:
        con.close()
