"""Task lists in the shapes offices publish them, built in code from published wording.

Each builder writes one file and returns its path. The wording is quoted (or lightly cut)
from lists published by real offices; where a list was only seen in part, its shape is kept
and the items follow the same style:

- national_table: a national office's 分工 table (two-row header 责任单位 over 牵头单位 |
  配合单位, vertical merges), wording in the style of the State Council's 《关于落实〈政府工作
  报告〉重点工作分工的意见》 ("按职责分工负责", "年内持续推进") on the IP subject of the seed;
- district_table: 盘锦市大洼区《政府工作报告》任务分解表 (2021, "各镇（街道）人民政府（办事处），
  临港经济开发区管委会，区政府各部门、直属机构"; "各牵头单位…各责任（配合）单位"): a one-level
  .xlsx with merged section rows, 牵头单位 | 责任（配合）单位 | 完成时限;
- city_plan_table: 荆门市国民经济和社会发展第十四个五年规划和2035年远景目标纲要任务分工方案
  (2021-12-31; "（预期性指标，牵头单位：市发改委；责任单位：市政府有关部门，各县市区，以下均需
  各县市区落实，不再逐一列出）"): a two-level .docx with 任务目标, 执行部门（单位）, 时间节点 and a
  责任领导 column the reader does not know;
- city_report_running: 咸阳市2022年深化"放管服"改革优化营商环境工作要点 ("1.全面实施行政许可
  事项清单管理。…（市政府办公室、市行政审批制度改革工作领导小组办公室牵头，市级各有关部门及
  各县市区政府按职责分工负责）") as running text in a .docx, with a 〔牵头单位：…，责任单位：…〕 item;
- district_lines_txt: 立山区政府2023年重点工作任务分解和责任分工方案 (鞍立政发〔2023〕2号;
  "1.努力实现地区生产总值增长6.2%左右。/ 牵头单位：区发改局 / 责任单位：立山经济开发区，全区
  经济运行各专班") as a .txt, its title without the year (the 文号 gives it);
- municipal_period_xlsx: a municipal 推进计划 for 2022—2023 (.xlsx, title with the range,
  完成时间 such as 2022年6月底前 / 长期坚持 / 年内有阶段性成果, a 备注 column).
"""
from __future__ import annotations

from datetime import datetime

import docx
from openpyxl import Workbook


# ---- a national office's table (.docx, two-row header) ----------------------------------------
def national_table(path):
    """序号 | 重点任务 | 具体措施 | 责任单位 (牵头单位 | 配合单位) | 完成时限, merged as Word does."""
    document = docx.Document()
    document.add_paragraph("国家知识产权局办公室")
    document.add_paragraph("国知办发运字〔2021〕12号")
    document.add_paragraph("2021年知识产权强国建设纲要和“十四五”规划实施推进计划重点任务分工表")
    rows = [
        ("section", "一、完善知识产权法律政策体系"),
        ("1", "推进知识产权法律法规修改完善。", "（1）推动专利法实施细则修改出台。",
         "国家知识产权局", "司法部", "2021年底前"),
        (None, None, "（2）完善商标法配套规章，研究起草地理标志专门立法。", None,
         "司法部、市场监管总局等", "持续推进"),
        ("section", "二、强化知识产权保护"),
        ("2", "加强知识产权司法保护和行政保护。", "（1）健全知识产权侵权惩罚性赔偿制度。",
         "最高人民法院、国家知识产权局按职责分工负责", "", "年内持续推进"),
        (None, None, "（2）开展知识产权执法专项行动，查处案件不少于100件。", "国家知识产权局",
         "公安部、海关总署", "2021年6月底前"),
    ]
    table = document.add_table(rows=2 + len(rows), cols=6)
    heads = ("序号", "重点任务", "具体措施", "责任单位", None, "完成时限")
    for col, text in enumerate(heads):
        if text:
            table.cell(0, col).text = text
    table.cell(0, 3).merge(table.cell(0, 4))
    table.cell(1, 3).text, table.cell(1, 4).text = "牵头单位", "配合单位"
    for col in (0, 1, 2, 5):
        table.cell(0, col).merge(table.cell(1, col))
    tops: dict[int, int] = {}
    for r, row in enumerate(rows, 2):
        if row[0] == "section":
            table.cell(r, 0).merge(table.cell(r, 5)).text = row[1]
            tops = {}
            continue
        for col, text in enumerate(row):
            if text is None:
                table.cell(tops[col], col).merge(table.cell(r, col))
            else:
                table.cell(r, col).text = text
                tops[col] = r
    document.add_paragraph("2021年4月10日")
    document.save(path)
    return path


# ---- a district 分工方案 (.xlsx, one-level, merged sections) -----------------------------------
DISTRICT_UNITS = ["区发改局", "区财政局", "区工信局", "区商务局", "区农业农村局", "区市场监管局",
                  "临港经济开发区管委会", "田家街道", "二界沟街道", "大洼街道", "新兴镇", "唐家镇"]


def district_unit_list(path):
    """The district's own unit list, one name a line (a clerk's .txt)."""
    path.write_text("单位名称\n" + "\n".join(DISTRICT_UNITS) + "\n", encoding="utf-8")
    return path


def district_table(path):
    """序号 | 重点工作任务 | 牵头单位 | 责任（配合）单位 | 完成时限, sections merged across."""
    wb = Workbook()
    ws = wb.active
    ws.title = "任务分解表"
    ws["A1"] = "附件"
    ws["A2"] = "大洼区2021年《政府工作报告》任务分解表"
    ws.merge_cells("A2:E2")
    ws.append(["序号", "重点工作任务", "牵头单位", "责任（配合）单位", "完成时限"])
    ws.append(["一、加快产业转型升级"])
    ws.merge_cells("A4:E4")
    ws.append([1, "推动临港经济开发区扩区调位，年内完成新一轮规划修编。", "临港经济开发区管委会",
               "区发改局、区自然资源局", "2021年6月底前"])
    ws.append([2, "实施工业企业技术改造项目不少于10个。", "区工信局", "各镇（街道）人民政府（办事处）",
               "年内有阶段性成果"])
    ws.append(["二、持续改善民生"])
    ws.merge_cells("A7:E7")
    ws.append([3, "完成农村人居环境整治提升任务。", "区农业农村局", "各镇（街道）、区直各有关部门",
               "每季度"])
    ws.append([4, "开展食品安全城市创建，抽检食品不少于2000批次。", "区市场监管局", None,
               datetime(2021, 11, 30)])
    ws.append(["填报单位（盖章）：", None, "联系人："])
    wb.save(path)
    return path


# ---- a city 规划责任分解 (.docx, two-level, 任务目标, a column not understood) ----------------
def city_plan_table(path):
    document = docx.Document()
    document.add_paragraph("荆门市人民政府办公室")
    document.add_paragraph("荆门市国民经济和社会发展第十四个五年规划和2035年远景目标纲要任务分工方案")
    rows = [
        ("（一）壮大经济总量", "1.地区生产总值（GDP）总量力争突破3000亿元，年均增长7%以上。",
         "2025年突破3000亿元", "预期性指标，牵头单位：市发改委；责任单位：市政府有关部门，各县市区，"
         "以下均需各县市区落实，不再逐一列出", "2025年底前", "分管副市长"),
        (None, "2.规模以上工业增加值年均增长8%。", "年均增长8%", "市经信局，各县市区", "长期坚持",
         None),
        ("（二）提升创新能力", "3.全社会研发经费投入强度达到2.5%。", "2.5%",
         "市科技局牵头，市财政局、市统计局配合", "2023年底前", "分管副市长"),
    ]
    table = document.add_table(rows=1 + len(rows), cols=6)
    for col, text in enumerate(("主要目标任务", "具体措施", "任务目标", "执行部门（单位）",
                                "时间节点", "责任领导")):
        table.cell(0, col).text = text
    tops: dict[int, int] = {}
    for r, row in enumerate(rows, 1):
        for col, text in enumerate(row):
            if text is None:
                table.cell(tops[col], col).merge(table.cell(r, col))
            else:
                table.cell(r, col).text = text
                tops[col] = r
    document.add_paragraph("荆门市人民政府办公室")
    document.add_paragraph("2021年12月31日")
    document.save(path)
    return path


# ---- a city's 要点 as running text (.docx) ------------------------------------------------
CITY_RUNNING = [
    "咸阳市人民政府办公室关于印发咸阳市2022年深化“放管服”改革优化营商环境工作要点的通知",
    "各县市区人民政府，市人民政府各工作部门、直属机构：",
    "现将《咸阳市2022年深化“放管服”改革优化营商环境工作要点》印发给你们，请认真贯彻落实。",
    "一、坚持系统集成，推动审批全链条优化",
    "1.全面实施行政许可事项清单管理。依据国家和省行政许可事项清单，2022年10月底前编制并公布市、县两级"
    "行政许可事项清单。（市政府办公室、市行政审批制度改革工作领导小组办公室牵头，市级各有关部门及各县市区"
    "政府按职责分工负责）",
    "2.持续深化相对集中行政许可权改革。依托行政许可事项清单，全面梳理规范相对集中行政许可权改革事项划转"
    "目录。〔牵头单位：市行政审批服务局，责任单位：各县（市、区）人民政府〕",
    "二、坚持公正监管，推动监管全过程覆盖",
    "3.推进“双随机、一公开”监管常态化。（市市场监管局负责，年内持续推进）",
    "4.加强知识产权保护。开展知识产权执法专项行动。（市知识产权局负责）",
    "三、保障措施",
    "各地各部门要加强组织领导，确保各项任务落地见效。",
    "咸阳市人民政府办公室",
    "2022年3月18日",
]


def city_report_running(path, paragraphs=CITY_RUNNING):
    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    document.save(path)
    return path


# ---- a district 重点工作分工 with units on their own lines (.txt) ----------------------------
DISTRICT_LINES = """鞍山市立山区人民政府文件
鞍立政发〔2023〕2号
立山区人民政府关于印发立山区政府重点工作任务分解和责任分工方案的通知
立山经济开发区，各街道办事处，各区直部门，各有关单位：
经区政府同意，现将《立山区政府重点工作任务分解和责任分工方案》印发给你们，请结合实际，认真贯彻落实。
立山区政府重点工作任务分解和责任分工方案
一、经济社会发展的主要预期目标
1.努力实现地区生产总值增长6.2%左右。
牵头单位：区发改局
责任单位：立山经济开发区，全区经济运行各专班
2.规模上工业增加值增长5%左右。
牵头单位：区工信局
责任单位：立山经济开发区
3.固定资产投资增长15%左右。
牵头单位：区发改局
责任单位：立山经济开发区，各街道、区直各部门
4.社会消费品零售总额增长9%左右。
牵头单位：区商务局
责任单位：各街道，区市场局
完成时限：2023年12月底前
6.居民收入增长与经济增长基本同步。
牵头单位：区发改局
责任单位：各街道，各相关单位
"""


def district_lines_txt(path, text=DISTRICT_LINES, encoding="utf-8"):
    path.write_bytes(text.encode(encoding))
    return path


# ---- a municipal 推进计划 for 2022—2023 (.xlsx, period, 备注) ---------------------------------
def municipal_period_xlsx(path):
    wb = Workbook()
    ws = wb.active
    ws.title = "推进计划"
    ws["A1"] = "洛阳市知识产权强市建设推进计划（2022—2023年）"
    ws.merge_cells("A1:F1")
    ws.append(["工作任务", "工作措施", "责任单位", "配合单位", "完成时间", "备注"])
    ws.append(["一、提升知识产权创造质量"])
    ws.merge_cells("A3:F3")
    ws.append(["1.实施高价值专利培育工程", "建设高价值专利培育中心6-10家。", "市市场监管局",
               "市科技局、市工信局", "2022年6月底前", "纳入年度考核"])
    ws.append([None, "培育国家知识产权示范企业不少于5家。", None, "各县（市、区）人民政府",
               "2023年底前", None])
    ws.merge_cells("A4:A5")
    ws.merge_cells("C4:C5")
    ws.append(["2.加强知识产权保护", "常态化开展知识产权执法检查。", "市市场监管局", "市公安局",
               "长期坚持", None])
    ws.append([None, "建设知识产权纠纷调解组织，年内有阶段性成果。", "市司法局", None,
               "年内有阶段性成果", "2023年完成"])
    ws.merge_cells("A6:A7")
    wb.save(path)
    return path
