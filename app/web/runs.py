"""Per-run folders of the web app's tabs, under the temp folder, dropped after a day."""
from __future__ import annotations

import shutil
import tempfile
import time
from pathlib import Path

KEEP_RUNS_S = 24 * 3600


def new_run_dir(tab: str) -> Path:
    """A fresh private folder for one run of `tab`; earlier runs older than a day are removed
    first so the temp folder does not fill up."""
    root = Path(tempfile.gettempdir()) / f"v2c-web-{tab}"
    root.mkdir(parents=True, exist_ok=True)
    now = time.time()
    for d in root.iterdir():
        try:
            if d.is_dir() and now - d.stat().st_mtime > KEEP_RUNS_S:
                shutil.rmtree(d, ignore_errors=True)
        except OSError:
            pass
    return Path(tempfile.mkdtemp(prefix="run-", dir=root))
