"""Turn the province's notice (plain text) into a bundled plan file under resources/plans.

    python tools/seed_to_plan.py ../shared/seed/henan-ip-2021-plan.txt resources/plans/henan-ip-2021.json

The result is data, reviewed and committed; the program never parses the seed at run time.
"""
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from models.plan.text import parse_plan_text  # noqa: E402


def main(src: str, dest: str) -> None:
    plan = parse_plan_text(Path(src).read_text(encoding="utf-8"), source=src)
    plan.pop("units")
    plan["units_list"] = "henan-2021.json"
    plan["source"] = "河南省知识产权局《河南省推动知识产权高质量发展年度实施方案（2021）》附件"
    Path(dest).write_text(json.dumps(plan, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main(*sys.argv[1:3])
