"""Things tests import (conftest.py is not importable under --import-mode=importlib)."""
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT.parent / "shared" / "seed" / "henan-ip-2021-plan.txt"
FIXTURES = ROOT / "tests" / "fixtures"
