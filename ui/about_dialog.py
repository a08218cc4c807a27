"""帮助 → 关于: what the program is, its version, and the licences of what it ships with."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QTextBrowser,
                               QVBoxLayout)

from models.paths import resource_path
from models.version import version_line

# (name, what it does here, licence) — the libraries a frozen build carries.
LIBRARIES = (
    ("Qt 6 / PySide6", "LGPLv3"),
    ("openpyxl", "MIT"),
    ("ReportLab", "BSD"),
    ("sqlite-utils", "Apache-2.0"),
    ("pypdf", "BSD"),
    ("python-docx", "MIT"),
    ("Pillow", "HPND"),
)
# The bundled fonts (resources/fonts/README.md has the files and licence texts).
FONTS = (
    ("文鼎PL简报宋 AR PL SungtiL GB（gbsn00lp.ttf）", "Arphic Public License"),
    ("文鼎PL简中楷 AR PL KaitiM GB（gkai00mp.ttf）", "Arphic Public License"),
    ("文泉驿微米黑 WenQuanYi Micro Hei（wqy-microhei.ttc）", "Apache License 2.0"),
)


class AboutDialog(QDialog):
    """Icon, name and version, and the licences of the bundled fonts and libraries."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("关于任务台账"))
        layout = QVBoxLayout(self)
        head = QHBoxLayout()
        self.icon_label = QLabel()
        pixmap = QPixmap(str(resource_path("icons", "taskledger.png")))
        if not pixmap.isNull():
            self.icon_label.setPixmap(pixmap.scaled(
                64, 64, Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation))
        head.addWidget(self.icon_label, 0, Qt.AlignmentFlag.AlignTop)
        self.version_label = QLabel(self.tr("<b>{0}</b><br>任务台账：地市年度重点任务落实情况的台账、"
                                            "报表与报送材料，离线使用。").format(version_line()))
        self.version_label.setWordWrap(True)
        self.version_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        head.addWidget(self.version_label, 1)
        layout.addLayout(head)

        self.licences = QTextBrowser()
        self.licences.setOpenExternalLinks(False)
        self.licences.setAccessibleName(self.tr("许可"))
        self.licences.setHtml(self._licence_html())
        layout.addWidget(self.licences, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("关闭"))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(620, 520)

    def _licence_html(self) -> str:
        fonts_dir = resource_path("fonts")
        rows = []
        rows.append("<h3>{0}</h3>".format(self.tr("随程序附带的字体")))
        rows.append("<ul>")
        for name, licence in FONTS:
            rows.append("<li>{0} — {1}</li>".format(name, licence))
        rows.append("</ul>")
        rows.append("<p>{0}</p>".format(self.tr("许可证全文见程序目录：{0}").format(fonts_dir)))
        rows.append("<h3>{0}</h3>".format(self.tr("使用的开源软件库")))
        rows.append("<ul>")
        for name, licence in LIBRARIES:
            rows.append("<li>{0} — {1}</li>".format(name, licence))
        rows.append("</ul>")
        rows.append("<p>{0}</p>".format(self.tr(
            "Qt 与 PySide6 以 LGPLv3 许可动态链接使用，可替换为其他兼容版本。")))
        return "\n".join(rows)
