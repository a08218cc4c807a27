"""``settings``: the ledger's business settings (单位全称, 报送对象, 联系人, 联系电话, 页码位置)
shown or changed from the command line — the same values, checked by the same rules
(models.settings), as the window's 台账设置."""
from __future__ import annotations

from .output import emit_json

# option → setting key, label
OPTIONS = (("full_name", "unit_full_name", "单位全称"), ("addressee", "addressee", "报送对象"),
           ("contact", "contact_person", "联系人"), ("phone", "contact_phone", "联系电话"),
           ("page_number", "page_number_style", "页码位置"))
PAGE_LABELS = {"outer": "outer（单页居右、双页居左）", "center": "center（居中）"}


def register(sub) -> None:
    """Add ``settings`` to the commands."""
    p = sub.add_parser("settings", help="查看或修改台账设置：单位全称、报送对象、联系人、联系电话、页码位置")
    p.add_argument("--json", action="store_true", help="以 JSON 输出全部设置")
    p.add_argument("--full-name", help="单位全称，如 洛阳市市场监督管理局（洛阳市知识产权局）（空字符串清除）")
    p.add_argument("--addressee", help="报送对象（主送机关），如 河南省知识产权局")
    p.add_argument("--contact", help="联系人")
    p.add_argument("--phone", help="联系电话：数字、-、空格和分机号，如 0379-63900000转8001")
    p.add_argument("--page-number", choices=("outer", "center"),
                   help="工作情况报告的页码位置：outer＝单页居右、双页居左（GB/T 9704）；center＝居中")
    # Only a change takes the ledger's lock; showing runs beside an open window.
    p.set_defaults(func=cmd_settings, writes=_changes_something)


def _changes_something(args) -> bool:
    return any(getattr(args, option) is not None for option, _key, _label in OPTIONS)


def cmd_settings(args, ledger) -> int:
    changes = {key: getattr(args, option) for option, key, _label in OPTIONS
               if getattr(args, option) is not None}
    if changes:
        ledger.set_settings(**changes)
    values = ledger.settings()
    if args.json:
        emit_json({key: values.get(key, "") for key in
                   ("unit", "user", "role", "unit_full_name", "addressee", "contact_person",
                    "contact_phone", "page_number_style")}
                  | {"page_number_style": values.get("page_number_style") or "outer"})
        return 0
    if changes:
        print("已保存设置。")
    print(f"单位：{values['unit']}")
    for _option, key, label in OPTIONS:
        value = values.get(key, "")
        if key == "page_number_style":
            value = PAGE_LABELS[value or "outer"]
        print(f"{label}：{value or '（未填写）'}")
    return 0
