"""Run every benchmark in turn; each prints its figures and updates RESULTS.md."""

from __future__ import annotations

import runpy
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent

# throughput.py and queries.py take many minutes each: run them on their own.
for script in ("actors.py", "accuracy.py", "lede.py"):
    print(f"\n=== {script} ===", flush=True)
    sys.argv = [str(HERE / script)]
    runpy.run_path(str(HERE / script), run_name="__main__")
