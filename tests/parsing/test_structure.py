"""The heading tree: the seed, rules on small texts, and the real corpus."""
import re
from pathlib import Path

import docx
import pytest

from archive.parsing.document import GLOSSARY_STYLE, PREAMBLE_STYLE, SectionNode
from archive.parsing.structure import split_sections

FULL_WIDTH = str.maketrans("０１２３４５６７８９％", "0123456789%")
NUMBERED = ("chinese", "paren", "arabic")


def cleaned(raw: str) -> str:
    """Stand-in for cleaning.clean_text: one line per paragraph, a blank line between."""
    paragraphs = ("".join(line.strip() for line in part.splitlines()).translate(FULL_WIDTH)
                  for part in re.split(r"\n\s*\n", raw))
    return "\n\n".join(paragraph for paragraph in paragraphs if paragraph)


def docx_text(path: Path) -> str:
    """A .docx as reading.py gives it: paragraphs, bold runs between ** markers."""
    paragraphs = []
    for paragraph in docx.Document(str(path)).paragraphs:
        text = "".join(f"**{run.text}**" if run.bold and run.text.strip() else run.text
                       for run in paragraph.runs)
        paragraphs.append(text.replace("****", ""))
    return cleaned("\n\n".join(paragraphs))


def nodes(roots: list[SectionNode]) -> list[SectionNode]:
    return [node for root in roots for node in root.walk()]


def tops(roots: list[SectionNode]) -> list[SectionNode]:
    return [root for root in roots if root.style not in (PREAMBLE_STYLE, GLOSSARY_STYLE)]


def squeeze(text: str) -> str:
    return re.sub(r"\s", "", text)


def assert_lossless(text: str, roots: list[SectionNode]) -> None:
    """Every character but the ** markers, numbers and a run-in's closing 。 once, in order."""
    rest = squeeze(text.replace("**", ""))
    for node in nodes(roots):
        if node.label:
            number = re.match(rf"[（(]?第?{node.label}[）)]?[、．.，,是]?", rest)
            assert number, (node.label, rest[:40])
            rest = rest[number.end():]
        heading, body = squeeze(node.heading), squeeze(node.text)
        assert rest.startswith(heading), (node.heading, rest[:40])
        rest = rest[len(heading):]
        if heading and rest[:1] in tuple("。！？：:"):
            rest = rest[1:]
        assert rest.startswith(body), (node.heading, body[:40], rest[:40])
        rest = rest[len(body):]
    assert rest == ""


@pytest.fixture
def jinjiang(jinjiang_bytes) -> str:
    return cleaned(jinjiang_bytes.decode("utf-8"))


@pytest.fixture
def jinjiang_roots(jinjiang) -> list[SectionNode]:
    return split_sections(jinjiang)


def test_seed_has_preamble_three_parts_and_glossary(jinjiang_roots):
    assert [(root.style, root.label, squeeze(root.heading)) for root in jinjiang_roots] == [
        (PREAMBLE_STYLE, "", ""),
        ("chinese", "一", "2024年工作回顾"),
        ("chinese", "二", "2025年主要工作安排"),
        ("chinese", "三", "建设人民满意政府"),
        (GLOSSARY_STYLE, "", "附注"),
    ]
    preamble, glossary = jinjiang_roots[0], jinjiang_roots[-1]
    assert "各位代表：" in preamble.text and "王明元" in preamble.text
    assert glossary.text.startswith("(P1)") and glossary.children == []


def test_seed_part_two_has_seven_run_in_children(jinjiang_roots):
    part_two = jinjiang_roots[2]
    children = part_two.children
    assert [child.label for child in children] == list("一二三四五六七")
    assert {(child.style, child.level) for child in children} == {("paren", 2)}
    first = children[0]
    assert first.heading == "在做大做强实体经济提升发展质效上再出发"
    assert first.text.startswith("主动应对")
    assert "重点做好以下七个方面工作：" in part_two.text
    assert [item.heading for item in first.children] == [
        "全力助企纾困解难", "激发有潜能的消费", "扩大有效益的投资", "促进有质效的外贸"]
    assert {(item.style, item.level) for item in first.children} == {("arabic", 3)}


def test_seed_bold_phrases_inside_paragraphs_are_body_text(jinjiang_roots):
    # **项目投资拉动有力。** stands inside the paragraph 一年来，我们全力抓经济稳增长…: emphasis
    part_one = jinjiang_roots[1]
    assert part_one.children == []
    assert "项目投资拉动有力。开工建设项目" in part_one.text
    assert part_one.text.endswith("系统加以解决。")
    # **一是**… and the bold emphasis of the general requirements are no headings
    assert not any(node.heading in ("一是", "二是") for node in nodes(jinjiang_roots))


def test_seed_part_three_numbers_items_under_it(jinjiang_roots):
    part_three = jinjiang_roots[3]
    assert [(item.label, item.heading) for item in part_three.children] == [
        ("1", "坚持政治引领"), ("2", "坚持依法行政"), ("3", "坚持真抓实干"), ("4", "坚持廉洁用权")]


def test_seed_is_lossless_and_markup_free(jinjiang, jinjiang_roots):
    assert_lossless(jinjiang, jinjiang_roots)
    assert not any("**" in node.heading + node.text for node in nodes(jinjiang_roots))


def test_levels_are_relative_to_the_parent():
    text = ("各位代表：\n\n（一）稳增长。全年增长5%。\n\n1、扩投资。开工项目。\n\n（二）促改革\n\n"
            "正文。\n\n(1)细项。说明。")
    roots = split_sections(text)
    assert [(root.label, root.level) for root in tops(roots)] == [("一", 1), ("二", 1)]
    assert [(node.style, node.label, node.level) for node in nodes(roots)[1:]] == [
        ("paren", "一", 1), ("arabic", "1", 2), ("paren", "二", 1), ("paren", "1", 2)]
    assert_lossless(text, roots)


def test_numbers_in_sentences_are_body_text():
    text = ("一、回顾\n\n2024年是关键之年。\n\n一是稳增长；二是促改革。\n\n"
            "主要措施：\n\n一、合理调整价格；\n\n二、改进管理。\n\n二、安排\n\n1.7%的增长。")
    roots = split_sections(text)
    assert [(node.label, node.heading) for node in nodes(roots)] == [("一", "回顾"), ("二", "安排")]
    assert "二、改进管理。" in roots[0].text
    assert_lossless(text, roots)


def test_a_stray_number_out_of_sequence_is_body_text():
    text = "一、回顾\n\n正文。\n\n三、这是列举中的一项。\n\n二、安排\n\n正文。"
    roots = split_sections(text)
    assert [root.label for root in roots] == ["一", "二"]
    assert "三、这是列举中的一项。" in roots[0].text


def test_glossary_entries_are_not_sections():
    text = "一、回顾\n\n正文。\n\n注释：\n\n(P1) “两重”：国家重大战略。\n\n（P17）“两新”：设备更新。"
    roots = split_sections(text)
    assert [(root.style, root.heading) for root in roots] == [
        ("chinese", "回顾"), (GLOSSARY_STYLE, "注释")]
    assert roots[1].text.splitlines()[0] == "(P1) “两重”：国家重大战略。"


def test_unnumbered_heading_lines_when_there_is_no_chinese_numbering():
    text = ("2025年四川省政府工作报告\n\n各位代表：\n\n现在，我代表省人民政府报告工作。\n\n"
            "2024年工作回顾\n\n（一）稳增长。正文。\n\n2025年工作安排\n\n（一）扩内需。正文。\n\n"
            "名词解释\n\n1.“两重”：国家重大战略。")
    roots = split_sections(text)
    assert [(root.style, root.heading) for root in roots] == [
        (PREAMBLE_STYLE, ""), ("plain", "2024年工作回顾"), ("plain", "2025年工作安排"),
        (GLOSSARY_STYLE, "名词解释")]
    assert "2025年四川省政府工作报告" in roots[0].text
    assert [child.label for child in roots[2].children] == ["一"]
    assert_lossless(text, roots)


def test_bold_numbered_heading_with_closing_mark_outside():
    text = ("**一、2024年工作回顾**\n\n**（一）经济运行持续向好**。全年增长5.1%。**城市更新**。改造小区。"
            "\n\n**乡村振兴加快推进。**新建农田。")
    roots = split_sections(text)
    run_in = roots[0].children[0]
    assert (run_in.heading, run_in.text) == ("经济运行持续向好", "全年增长5.1%。")
    assert [(child.style, child.heading, child.text) for child in run_in.children] == [
        ("bold", "城市更新", "改造小区。"), ("bold", "乡村振兴加快推进", "新建农田。")]
    assert_lossless(text, roots)


def test_bold_phrases_inside_a_body_paragraph_are_emphasis():
    # jinjiang-2025: 一年来，我们全力抓改革促开放，…。**发展空间持续拓展。**以盘活…
    text = ("一、2024年工作回顾\n\n一年来，我们全力抓改革促开放，发展潜能有效激发。纵深推进改革。"
            "**发展空间持续拓展。**以盘活利用低效用地试点为总牵引。\n\n"
            "二、2025年工作安排\n\n1、引导传统产业拥抱新质。瞄准高端化。**全面推进数转智改。**新增标杆企业。")
    roots = split_sections(text)
    assert [(node.style, node.heading, node.level) for node in nodes(roots)] == [
        ("chinese", "2024年工作回顾", 1), ("chinese", "2025年工作安排", 1),
        ("arabic", "引导传统产业拥抱新质", 2), ("bold", "全面推进数转智改", 3)]
    assert "**" not in roots[0].text and "发展空间持续拓展。以盘活" in roots[0].text
    assert_lossless(text, roots)


def test_text_without_headings_is_one_preamble():
    assert split_sections("") == []
    roots = split_sections("各位代表：\n\n全文没有标题。")
    assert [(root.style, root.text) for root in roots] == [
        (PREAMBLE_STYLE, "各位代表：\n\n全文没有标题。")]


def _national(national_dir: Path) -> dict[int, str]:
    return {int(path.name[:4]): cleaned(path.read_text(encoding="utf-8"))
            for path in sorted(national_dir.glob("*-guowuyuan.txt"))}


@pytest.mark.corpus
def test_national_reports_since_1978_have_numbered_parts(national_dir):
    for year, text in _national(national_dir).items():
        roots = split_sections(text)
        assert_lossless(text, roots)
        if year >= 1978:
            numbered = [root for root in tops(roots) if root.style in NUMBERED + ("plain",)]
            assert len(numbered) >= 2, (year, [root.heading for root in roots])


@pytest.mark.corpus
def test_national_2024_and_2025_parts_by_name(national_dir):
    reports = _national(national_dir)
    for year in (2024, 2025):
        roots = split_sections(reports[year])
        assert [(root.label, root.heading) for root in tops(roots)] == [
            ("一", f"{year - 1}年工作回顾"),
            ("二", f"{year}年经济社会发展总体要求和政策取向"),
            ("三", f"{year}年政府工作任务"),
        ]
        tasks = tops(roots)[2].children
        assert [task.label for task in tasks] == list("一二三四五六七八九十")
        assert all(task.style == "paren" and task.text for task in tasks)
    first_task = tops(split_sections(reports[2024]))[2].children[0]
    assert first_task.heading == "大力推进现代化产业体系建设，加快发展新质生产力"


@pytest.mark.corpus
def test_provincial_reports_have_top_level_parts(provincial_dir):
    paths = sorted(provincial_dir.glob("*.docx"))
    assert len(paths) == 31
    for path in paths:
        text = docx_text(path)
        roots = split_sections(text)
        assert_lossless(text, roots)
        parts = tops(roots)
        assert len(parts) >= 2, path.name
        expected = "plain" if path.stem in ("2025-sichuan", "2025-xizang") else "chinese"
        assert parts[0].style == expected, path.name
        assert parts[0].label == ("一" if expected == "chinese" else ""), path.name


@pytest.mark.corpus
def test_sichuan_nests_numbered_tasks_under_unnumbered_parts(provincial_dir):
    roots = split_sections(docx_text(provincial_dir / "2025-sichuan.docx"))
    assert [(root.style, root.heading) for root in roots[1:]] == [
        ("plain", "2024年工作回顾"), ("plain", "2025年工作安排建议"),
        ("plain", "加强政府自身建设"), (GLOSSARY_STYLE, "名词解释")]
    assert len(roots[2].children) == 9 and roots[2].children[0].level == 2


# ---- the heading classes of issue 11 ----------------------------------------------------

def test_yishi_items_on_lines_of_their_own_or_bold_are_headings():
    # 2025-gansu.docx writes them as lines; 2025-hainan.docx as bold run-ins
    text = ("一、2024年工作回顾\n\n一是聚力打好稳增长阵地战，经济运行持续向好。\n\n全年经济运行逆势而进。\n\n"
            "二是聚力打好调结构突围战，产业动能明显增强。\n\n新质生产力加快成长。\n\n"
            "二、2025年工作安排\n\n**一是紧盯封关运作，决战决胜**。2025年底封关运作是关键。\n\n"
            "**二是紧盯改革开放，敢闯敢试**。改革是海南的基因。")
    roots = split_sections(text)
    assert [(node.style, node.label, node.heading, node.level) for node in nodes(roots)] == [
        ("chinese", "一", "2024年工作回顾", 1),
        ("shi", "一", "聚力打好稳增长阵地战，经济运行持续向好", 2),
        ("shi", "二", "聚力打好调结构突围战，产业动能明显增强", 2),
        ("chinese", "二", "2025年工作安排", 1),
        ("shi", "一", "紧盯封关运作，决战决胜", 2), ("shi", "二", "紧盯改革开放，敢闯敢试", 2)]
    assert nodes(roots)[4].text == "2025年底封关运作是关键。"
    assert_lossless(text, roots)


def test_yishi_run_in_items_of_plain_text_stay_body():
    # 2025-heilongjiang.docx: 一是…。 followed by its body on the same line, not bold
    text = ("一、2024年工作回顾\n\n一是坚持以发展现代化大农业为主攻方向，根基更加坚实。粮食综合生产能力显著提升。\n\n"
            "二是因地制宜发展新质生产力，现代化产业体系建设扎实推进。科技创新引领产业体系加快建设。")
    roots = split_sections(text)
    assert [node.heading for node in nodes(roots)] == ["2024年工作回顾"]


def test_ordinal_numbering_and_a_heading_line_broken_in_two():
    # 1985-guowuyuan.txt numbers with 第一、; 2025-chongqing.docx breaks 三、持续提升政府 / 治理效能和服务水平
    text = ("一、关于经济形势\n\n第一、必须坚持实事求是、稳步前进的方针。我们要防止盲目追求速度。\n\n"
            "第二、既要搞活经济，又要加强管理。改革是一场深刻的变革。\n\n"
            "二、持续提升政府\n\n治理效能和服务水平\n\n各级政府要提高效能。")
    roots = split_sections(text)
    assert [(node.style, node.heading, node.level) for node in nodes(roots)] == [
        ("chinese", "关于经济形势", 1), ("ordinal", "必须坚持实事求是、稳步前进的方针", 2),
        ("ordinal", "既要搞活经济，又要加强管理", 2), ("chinese", "持续提升政府治理效能和服务水平", 1)]
    assert tops(roots)[1].text == "各级政府要提高效能。"
    assert_lossless(text, roots)


def test_one_sentence_lines_are_the_items_of_numbered_parts():
    # 1994-guowuyuan.txt: 一、 parts whose items are paragraphs of one sentence; its part
    # 六、 opens with one such sentence alone, a lead sentence
    text = ("一、1993年国内工作的回顾和1994年工作的基本方针\n\n过去的一年，是全面贯彻精神的一年。我们取得成就。\n\n"
            "国民经济快速增长。\n\n1993年我国经济继续蓬勃发展。农业获得丰收。\n\n"
            "改革开放取得新的进展。\n\n继续推进改革。开放扩大。\n\n"
            "各项社会事业进一步发展。\n\n科技事业取得新的进步。教育发展。\n\n"
            "二、积极促进祖国和平统一\n\n在新的一年，我们要继续坚定不移地执行“一国两制”的方针。\n\n"
            "我国恢复对香港行使主权的时间日益临近。我们将做好工作。")
    roots = split_sections(text)
    assert [(node.heading, node.level) for node in nodes(roots)] == [
        ("1993年国内工作的回顾和1994年工作的基本方针", 1), ("国民经济快速增长", 2),
        ("改革开放取得新的进展", 2), ("各项社会事业进一步发展", 2), ("积极促进祖国和平统一", 1)]
    assert tops(roots)[0].text.startswith("过去的一年")
    assert_lossless(text, roots)
    # with （一） items right after the part heading, such lines stay body text
    with_items = text.replace("国民经济快速增长。", "（一）国民经济快速增长")
    assert "改革开放取得新的进展" not in [node.heading for node in nodes(split_sections(with_items))]


def test_dash_lines_before_the_numbered_items_are_items_too():
    # 2007-guowuyuan.txt: ——经济平稳快速增长。 lines open part 一 before its （一）; the
    # one-sentence lead and summary around them are no items
    text = ("一、2006年工作回顾\n\n2006年，是我国实施“十一五”规划并实现良好开局的一年。\n\n"
            "——经济平稳快速增长。\n\n国内生产总值20.94万亿元，比上年增长10.7%。\n\n"
            "——经济效益稳步提高。\n\n全国财政收入3.93万亿元。企业利润增长。\n\n"
            "——社会事业加快发展。\n\n科技创新取得重大成果。教育事业继续发展。\n\n"
            "这些成就，标志着我国综合国力进一步增强。\n\n一年来的主要工作是：\n\n"
            "（一）加强和改善宏观调控。\n\n正文。")
    roots = split_sections(text)
    assert [(node.style, node.heading, node.level) for node in nodes(roots)] == [
        ("chinese", "2006年工作回顾", 1), ("plain", "——经济平稳快速增长", 2),
        ("plain", "——经济效益稳步提高", 2), ("plain", "——社会事业加快发展", 2),
        ("paren", "加强和改善宏观调控", 2)]
    assert roots[0].children[2].text.endswith("一年来的主要工作是：")
    assert_lossless(text, roots)


def test_lines_on_what_we_did_are_lead_sentences_not_items():
    # yunnan-2026-work_report.txt: part 一 opens on 这五年，我们…。 lines, each before its
    # paragraph, then reviews 2025 in its items （一）…（七）
    text = ("一、“十四五”时期和2025年工作回顾\n\n新时代以来，习近平总书记始终心系云岭大地、深情牵挂各族群众，3次亲临云南考察。“十四五”这五年，我们坚持以习近平新时代中国特色社会主义思想为指导。\n\n"
            "这五年，我们完整准确全面贯彻新发展理念，全力推动高质量发展，经济实力迈上新台阶。\n\n"
            "地区生产总值突破3万亿元、年均增长4.7%，人均地区生产总值超1万美元。\n\n"
            "这五年，我们坚定不移走生态优先绿色发展之路，生态文明建设排头兵展现新面貌。\n\n"
            "构建“四级三类”国土空间规划体系，形成“三屏两带六廊多点”生态安全格局。以过硬立场、品质、能力、意志抓生态环境保护，全力打好蓝天、碧水、净土保卫战。\n\n"
            "这五年，我们深入践行以人民为中心的发展思想，民生福祉得到新改善。\n\n"
            "一般公共预算支出3.4万亿元，74%以上用于民生。\n\n"
            "各位代表！刚刚过去的2025年，是云南发展历程中具有重要里程碑意义的一年。\n\n"
            "（一）经济运行顶住压力、稳中有进。\n\n强化经济运行分析研究，出台稳增长政策32项。\n\n"
            "（二）产业发展提质增效、转型加快。\n\n非烟非能工业增加值增长8.1%。")
    roots = split_sections(text)
    assert [(node.style, node.heading, node.level) for node in nodes(roots)] == [
        ("chinese", "“十四五”时期和2025年工作回顾", 1),
        ("paren", "经济运行顶住压力、稳中有进", 2), ("paren", "产业发展提质增效、转型加快", 2)]
    assert "这五年，我们深入践行以人民为中心的发展思想，民生福祉得到新改善。" in tops(roots)[0].text
    assert_lossless(text, roots)


@pytest.mark.parametrize("chrome", ["扫一扫在手机打开当前页", "打印本页", "关闭窗口", "【字号 大 中 小】", "相关链接>>"])
def test_page_chrome_after_the_last_part_is_text_not_a_closing_part(chrome):
    # shaanxi-2026-work_report.txt ends on 扫一扫在手机打开当前页, sichuan-2026 on 打印本页 / 关闭窗口
    text = ("各位代表：\n\n现在，我代表省人民政府，向大会报告工作。\n\n一、2025年工作回顾\n\n正文。\n\n"
            "二、“十五五”时期主要目标和重大举措\n\n正文。\n\n三、2026年重点工作\n\n"
            "（九）守牢安全发展底线，维护社会和谐稳定\n\n"
            "完善社会治理体系。坚持和发展新时代“枫桥经验”。\n\n"
            "各位代表！蓝图鼓舞人心，实干谱写华章。\n\n" + chrome)
    roots = split_sections(text)
    assert [root.heading for root in tops(roots)] == [
        "2025年工作回顾", "“十五五”时期主要目标和重大举措", "2026年重点工作"]
    assert chrome not in [node.heading for node in nodes(roots)]
    assert nodes(roots)[-1].text.endswith(chrome)
    assert_lossless(text, roots)


def test_page_chrome_in_a_report_without_numbered_parts_is_no_part():
    text = ("各位代表：\n\n现在，我代表市人民政府报告工作。\n\n2024年工作回顾\n\n过去一年，经济回升向好。\n\n"
            "2025年工作安排\n\n今年要抓好以下工作。\n\n打印本页\n\n关闭窗口")
    roots = split_sections(text)
    assert [(root.style, root.heading) for root in tops(roots)] == [
        ("plain", "2024年工作回顾"), ("plain", "2025年工作安排")]
    assert_lossless(text, roots)


def test_numbered_parts_inside_the_last_of_several_unnumbered_parts():
    # neimenggu-2026-work_report.txt: two unnumbered parts, 一、…四、 inside the second
    text = ("各位代表：\n\n现在，我代表自治区人民政府向大会报告工作，请予审议。\n\n"
            "“十四五”时期发展成就和2025年工作回顾\n\n“十四五”时期内蒙古发展历程极不平凡。\n\n"
            "——这五年综合经济实力大幅提升。经济总量达到2.67万亿元。\n\n"
            "“十五五”时期主要目标和2026年重点工作\n\n“十五五”时期是内蒙古高质量发展、加快闯新路的关键时期。\n\n"
            "今年经济社会发展的主要预期目标是：地区生产总值增长5%左右。\n\n"
            "一、把铸牢中华民族共同体意识作为民族地区各项工作的主线\n\n"
            "（一）加强中华民族共有精神家园建设。坚持用习近平新时代中国特色社会主义思想凝心铸魂。\n\n"
            "二、深化落实习近平总书记和党中央赋予的五大战略定位和使命任务\n\n"
            "（一）坚持生态优先、绿色发展，筑牢我国北方重要生态安全屏障。正文。\n\n"
            "三、全力抓好七项重点工作\n\n四、把坚持党的全面领导贯穿政府工作各方面全过程\n\n"
            "新形势新任务，对政府工作提出了新的更高要求。")
    roots = split_sections(text)
    assert [(node.heading, node.level) for node in nodes(roots)[1:]] == [
        ("“十四五”时期发展成就和2025年工作回顾", 1), ("“十五五”时期主要目标和2026年重点工作", 1),
        ("把铸牢中华民族共同体意识作为民族地区各项工作的主线", 2), ("加强中华民族共有精神家园建设", 3),
        ("深化落实习近平总书记和党中央赋予的五大战略定位和使命任务", 2),
        ("坚持生态优先、绿色发展，筑牢我国北方重要生态安全屏障", 3),
        ("全力抓好七项重点工作", 2), ("把坚持党的全面领导贯穿政府工作各方面全过程", 2)]
    assert_lossless(text, roots)


def test_a_shi_list_announced_after_the_last_items_body_stands_beside_the_items():
    # 2011-guowuyuan.txt: part 一's lessons 一是…四是 follow （五）'s body and a lead-in ending
    # in ：; 2003-guowuyuan.txt: （三）'s own 一是 list follows its heading and lead paragraph
    text = ("一、“十一五”时期国民经济和社会发展的回顾\n\n（一）加强和改善宏观调控，促进经济平稳较快发展。\n\n正文。\n\n"
            "（二）毫不放松地做好“三农”工作，巩固和加强农业基础。\n\n正文。\n\n"
            "（三）大力推进经济结构调整，提高经济增长质量和效益。\n\n正文。\n\n"
            "（四）坚定不移深化改革开放，增强经济社会发展内在活力。\n\n正文。\n\n"
            "（五）加快发展社会事业，切实保障和改善民生。\n\n"
            "始终坚持经济发展与社会发展相协调，围绕改善民生谋划发展。\n\n"
            "五年来，我们不断深化行政管理体制改革，加快转变政府职能。\n\n"
            "我们清醒地认识到，我国发展中不平衡、不协调、不可持续的问题依然突出。\n\n"
            "回顾“十一五”时期的政府工作，我们进一步加深了以下几个方面的认识和体会：\n\n"
            "一是必须坚持科学发展。\n\n我们战胜各种严峻挑战，靠的是发展。\n\n"
            "二是必须坚持政府调控与市场机制有机统一。\n\n健全的市场机制，有效的宏观调控，都是社会主义市场经济体制不可或缺的重要组成部分。\n\n"
            "二、“十二五”时期的主要目标和任务\n\n（一）坚持把解决“三农”问题放在突出位置，巩固和加强农业基础地位\n\n"
            "农业、农村、农民问题，关系我国改革开放和现代化建设全局，任何时候都不能忽视和放松。\n\n"
            "一是推进农业结构调整。\n\n通过政策支持、加强信息服务和技术服务，引导农民调整种植结构。\n\n"
            "二是深化粮棉流通体制改革。\n\n正文。")
    roots = split_sections(text)
    assert [(node.heading, node.level) for node in nodes(roots)] == [
        ("“十一五”时期国民经济和社会发展的回顾", 1), ("加强和改善宏观调控，促进经济平稳较快发展", 2),
        ("毫不放松地做好“三农”工作，巩固和加强农业基础", 2), ("大力推进经济结构调整，提高经济增长质量和效益", 2),
        ("坚定不移深化改革开放，增强经济社会发展内在活力", 2), ("加快发展社会事业，切实保障和改善民生", 2),
        ("必须坚持科学发展", 2), ("必须坚持政府调控与市场机制有机统一", 2),
        ("“十二五”时期的主要目标和任务", 1), ("坚持把解决“三农”问题放在突出位置，巩固和加强农业基础地位", 2),
        ("推进农业结构调整", 3), ("深化粮棉流通体制改革", 3)]
    assert_lossless(text, roots)


def test_lines_after_an_address_that_closes_the_last_item_are_items_of_the_part():
    # guangdong-2026-work_report.txt: after 六是 and 各位代表！…, the 这是…的五年。 lines
    text = ("一、2025年和“十四五”时期工作回顾\n\n2025年是中国式现代化进程中具有重要意义的一年。\n\n"
            "一是联合港澳承办十五运会和残特奥会。\n\n认真落实“绿色、共享、开放、廉洁”的办赛理念。\n\n"
            "二是全力保障和改善民生。\n\n十件民生实事全面完成。\n\n"
            "各位代表！经过五年接续奋斗，我省“十四五”顺利收官。\n\n"
            "这是经济实力持续提升的五年。\n\n地区生产总值从11.37万亿元提高到14.58万亿元，人均地区生产总值从9万元提高到11万元。三次产业比重为4.0∶37.7∶58.3，第一产业增加值提升至全国第二，先进制造业、高技术制造业增加值占规模以上工业增加值比重分别达56.2%、34.7%，现代服务业增加值占服务业增加值比重达64.9%，数字经济规模稳居全国首位。\n\n"
            "这是粤港澳大湾区建设纵深推进的五年。\n\n预计大湾区经济总量突破15万亿元。湾区标准、湾区认证、港澳药械通、跨境理财通等落地见效，198项高频政务服务事项实现跨境通办。\n\n"
            "这是产业科技互促双强大力拓展的五年。\n\n区域创新能力连续9年全国第一，全过程创新链加快构建。原生鸿蒙操作系统、麒麟高端芯片、体外膜肺氧合系统、高端核磁共振设备、高端手术机器人、显示制造关键装备等打破国外垄断，“梦想”号大洋钻探船等大国重器建成入列。\n\n"
            "五年来，我们深刻领悟“两个确立”的决定性意义。\n\n"
            "二、“十五五”时期的主要目标和重点任务\n\n正文。")
    roots = split_sections(text)
    assert [(node.heading, node.level) for node in nodes(roots)] == [
        ("2025年和“十四五”时期工作回顾", 1), ("联合港澳承办十五运会和残特奥会", 2), ("全力保障和改善民生", 2),
        ("这是经济实力持续提升的五年", 2), ("这是粤港澳大湾区建设纵深推进的五年", 2),
        ("这是产业科技互促双强大力拓展的五年", 2), ("“十五五”时期的主要目标和重点任务", 1)]
    assert "各位代表！经过五年接续奋斗" in tops(roots)[0].children[1].text
    assert_lossless(text, roots)


def test_unnumbered_heading_lines_in_a_report_with_numbered_parts():
    # 2003-guowuyuan.txt: 五年来，… lines are the items of part 一 before its （一）;
    # 1985/1994/1998-guowuyuan.txt close with 结束语 after the last numbered part
    text = ("各位代表：\n\n现在，我代表国务院作报告。\n\n过去一年的工作\n\n我们取得了成绩。\n\n"
            "一、过去五年政府工作的回顾\n\n五年来很不平凡。\n\n"
            "五年来，国民经济保持良好发展势头，经济结构战略性调整迈出重要步伐\n\n经济持续较快增长。\n\n"
            "五年来，外交工作开创新局面\n\n我国坚持独立自主。\n\n（一）坚持扩大内需\n\n正文。\n\n"
            "二、对今年工作的建议\n\n正文。\n\n结束语\n\n各位代表！\n\n让我们团结奋斗。")
    roots = split_sections(text)
    assert [(node.style, node.heading, node.level) for node in nodes(roots)] == [
        (PREAMBLE_STYLE, "", 1), ("plain", "过去一年的工作", 1),
        ("chinese", "过去五年政府工作的回顾", 1),
        ("plain", "五年来，国民经济保持良好发展势头，经济结构战略性调整迈出重要步伐", 2),
        ("plain", "五年来，外交工作开创新局面", 2), ("paren", "坚持扩大内需", 2),
        ("chinese", "对今年工作的建议", 1), ("plain", "结束语", 1)]
    assert roots[1].text == "我们取得了成绩。"
    assert roots[-1].text == "各位代表！\n\n让我们团结奋斗。"
    assert_lossless(text, roots)


def test_unnumbered_lines_after_the_last_part_are_its_items_when_several():
    # one line after the last numbered part is a closing part (结束语); several are its items
    text = ("一、回顾\n\n正文。\n\n二、加强政府自身建设\n\n打铁必须自身硬。\n\n坚持依法行政\n\n"
            "推进法治政府建设。\n\n坚持清正廉洁\n\n持之以恒正风肃纪。\n\n附件\n\n2025年十件民生实事")
    roots = split_sections(text)
    assert [(node.heading, node.level) for node in nodes(roots)] == [
        ("回顾", 1), ("加强政府自身建设", 1), ("坚持依法行政", 2), ("坚持清正廉洁", 2), ("附件", 1)]
    assert_lossless(text, roots)


def test_title_lines_before_the_salutation_stay_in_the_preamble():
    text = "政府工作报告\n\n——2025年1月14日\n\n省长 王某\n\n各位代表：\n\n现在报告工作。\n\n一、回顾\n\n正文。"
    roots = split_sections(text)
    assert [(root.style, root.heading) for root in roots] == [(PREAMBLE_STYLE, ""), ("chinese", "回顾")]
    assert roots[0].text.startswith("政府工作报告")


def test_newspaper_question_titles_are_parts():
    # jinjiang-2023-highlights.txt: one article (one by-line) whose parts are its question
    # and box titles; its headline is the page's title and stays with the opening lines
    text = ("交出一年成绩单 开启晋江2023\n\n本报记者 蔡斯洵\n\n◎划重点：\n\n"
            "2023年 晋江制定什么目标？\n\n地区生产总值增长6.5%左右。\n\n"
            "2022年，超多“国字号”荣誉！\n\n◎首批国家创新型县（市）\n\n"
            "●如何用好改革开放“关键一招”，为高质量发展赋能增力？\n\n深化改革。")
    roots = split_sections(text, plain_headings=False)
    assert [(root.style, root.heading, root.level) for root in roots] == [
        (PREAMBLE_STYLE, "", 1), ("plain", "2023年 晋江制定什么目标？", 1),
        ("plain", "2022年，超多“国字号”荣誉！", 1),
        ("plain", "●如何用好改革开放“关键一招”，为高质量发展赋能增力？", 1)]
    assert roots[0].text.startswith("交出一年成绩单")
    assert_lossless(text, roots)


def test_newspaper_article_headlines_above_by_lines_are_parts():
    # jinjiang-2024-interpretations.txt: four articles, each headline above its by-line
    # (a 报告摘要 deck may stand between), one set on two short lines
    text = ("政府工作报告解读之“以新型工业化为突破”\n\n正文一。\n\n聚焦新型工业化 加快形成新质生产力\n\n"
            "本报记者 蔡明宣\n\n正文二。\n\n供需两端“齐发力”打造发展新格局\n\n报告摘要：打好组合拳。\n\n"
            "本报记者 蔡明宣\n\n正文三。\n\n优化城市平台\n\n塑造城市气质\n\n本报记者 林小杰\n\n正文四。\n\n"
            "加力提效实施积极财政政策 财政运行稳健有序\n\n晋江全年财政总收入达248亿元\n\n本报记者 柯雅雅\n\n"
            "正文五。\n\n今年9月，招商中心开幕。 本报记者 董严军 摄")
    roots = split_sections(text, plain_headings=False)
    assert [root.heading for root in roots] == [
        "", "聚焦新型工业化 加快形成新质生产力", "供需两端“齐发力”打造发展新格局",
        "优化城市平台 塑造城市气质", "晋江全年财政总收入达248亿元"]
    assert roots[3].text.startswith("本报记者 林小杰")
    assert roots[3].text.endswith("加力提效实施积极财政政策 财政运行稳健有序")
    assert_lossless(text, roots)
    # without 本报记者 by-lines the short lines are column fragments, not headlines
    assert [root.heading for root in split_sections(text.replace("本报记者", "记者"),
                                                    plain_headings=False)] == [""]


def test_a_bold_line_announcing_a_numbered_list_is_body_text():
    # 2025-jiangxi.docx: **重点做好十方面工作。** right before **（一）…**
    text = ("**一、2025年工作安排**\n\n今年是收官之年。\n\n**重点做好十方面工作。**\n\n"
            "**（一）充分挖掘释放有效需求潜力，促进经济循环畅通**。增强消费作用。\n\n"
            "**扩大有效投资**。储备一批重大项目。")
    roots = split_sections(text)
    assert [(node.style, node.heading) for node in nodes(roots)] == [
        ("chinese", "2025年工作安排"), ("paren", "充分挖掘释放有效需求潜力，促进经济循环畅通"),
        ("bold", "扩大有效投资")]
    assert roots[0].text.endswith("重点做好十方面工作。")
    assert_lossless(text, roots)


def test_ordinal_items_with_a_comma_on_lines_of_their_own_or_run_in():
    # 1998-guowuyuan.txt: 第一，…。 lines under part 一, bare 第一，… lines under part 二;
    # 1985-guowuyuan.txt: 第二、…。 followed by body on the same line
    text = ("一、关于过去五年的政府工作\n\n五年来取得成就。我们体会到：\n\n第一，坚持解放思想、实事求是的思想路线。\n\n"
            "这是根本。我们要坚持。\n\n第二，妥善处理改革、发展、稳定三者之间的关系。\n\n三者相互促进。\n\n"
            "二、关于1998年政府工作的建议\n\n第一，进一步稳定和加强农业\n\n农业是基础。\n\n"
            "第二、既要搞活经济，又要加强管理。我们正在进行的是一场深刻的改革。")
    roots = split_sections(text)
    assert [(node.style, node.label, node.heading, node.level) for node in nodes(roots)] == [
        ("chinese", "一", "关于过去五年的政府工作", 1),
        ("ordinal", "一", "坚持解放思想、实事求是的思想路线", 2),
        ("ordinal", "二", "妥善处理改革、发展、稳定三者之间的关系", 2),
        ("chinese", "二", "关于1998年政府工作的建议", 1),
        ("ordinal", "一", "进一步稳定和加强农业", 2), ("ordinal", "二", "既要搞活经济，又要加强管理", 2)]
    assert nodes(roots)[-1].text == "我们正在进行的是一场深刻的改革。"
    assert_lossless(text, roots)


def test_a_series_restarted_inside_a_part_is_its_items():
    # 1986-guowuyuan.txt: part 二 lists its questions 一、…五、, part 三 its 一、…六、; a 三、 that
    # continues both series is an item while the part's own 三、 is still to come
    text = ("一、“六五”计划执行情况的回顾\n\n正文。\n\n二、“七五”时期的基本任务和主要建设方针\n\n"
            "国务院在拟定计划草案的过程中，在经济建设方面着重考虑和研究了以下几个问题。\n\n"
            "一、确定适度的经济增长率，促进国民经济按比例、高效益地向前发展\n\n正文。\n\n"
            "二、规定恰当的投资规模，合理调整投资结构，努力提高投资效益\n\n正文。\n\n"
            "三、坚持把科技进步和智力开发放在重要的战略地位，更好地发展科学、教育事业\n\n正文。\n\n"
            "四、以增强出口创汇能力为中心，推动对外经济贸易和技术交流进一步向纵深发展\n\n正文。\n\n"
            "三、“七五”时期的经济体制改革\n\n这里着重讲几个需要进一步明确的认识问题。\n\n"
            "一、充分认识经济体制改革必须适应发展社会主义商品经济的要求\n\n正文。\n\n"
            "二、充分认识新旧体制转换过程的艰巨性和复杂性\n\n正文。\n\n"
            "四、坚持独立自主的和平外交政策\n\n正文。\n\n结束语\n\n各位代表！")
    roots = split_sections(text)
    assert [(node.label, node.level) for node in nodes(roots)] == [
        ("一", 1), ("二", 1), ("一", 2), ("二", 2), ("三", 2), ("四", 2),
        ("三", 1), ("一", 2), ("二", 2), ("四", 1), ("", 1)]
    assert tops(roots)[2].heading == "“七五”时期的经济体制改革"
    assert_lossless(text, roots)


def test_a_third_part_after_two_items_of_a_restarted_series_is_a_part():
    # the same number continuing both series is a part when it does not come again
    text = ("一、过去一年的工作\n\n正文。\n\n二、今年的主要任务\n\n正文。\n\n"
            "一、扩大内需\n\n正文。\n\n二、稳定物价\n\n正文。\n\n"
            "三、加强政府自身建设\n\n正文。\n\n四、外交工作\n\n正文。")
    roots = split_sections(text)
    assert [(node.label, node.level) for node in nodes(roots)] == [
        ("一", 1), ("二", 1), ("一", 2), ("二", 2), ("三", 1), ("四", 1)]
    assert_lossless(text, roots)


def test_the_speakers_address_without_its_stop_is_no_part():
    # 2012-guowuyuan.txt: the address line lost its 。 in the source
    text = ("各位代表：\n\n现在，我代表国务院，向大会报告政府工作，请各位代表审议，并请全国政协委员提出意见\n\n"
            "一、2011年工作回顾\n\n过去的一年，面对复杂多变的国际政治经济环境。\n\n"
            "二、2012年工作总体部署\n\n正文。")
    roots = split_sections(text)
    assert [(node.style, node.heading) for node in nodes(roots)] == [
        (PREAMBLE_STYLE, ""), ("chinese", "2011年工作回顾"), ("chinese", "2012年工作总体部署")]
    assert roots[0].text.endswith("并请全国政协委员提出意见")
    assert_lossless(text, roots)


def test_a_long_numbered_line_of_one_sentence_followed_by_its_body_is_a_heading():
    # 1986-guowuyuan.txt: part 三's （一）…（三） lines, the first longer than a run-in heading,
    # then its restarted 一、 series beside them; 1982-guowuyuan.txt: a 一、 list of rules
    # inside 第一、 is body text of that item, not a restarted series of the part
    text = ("一、“六五”计划执行情况的回顾\n\n正文。\n\n二、“七五”时期的基本任务和主要建设方针\n\n正文。\n\n"
            "三、“七五”时期的经济体制改革\n\n主要的内容有以下三个方面。\n\n"
            "（一）进一步增强企业特别是全民所有制大中型企业的活力，使它们真正成为相对独立的经济实体，"
            "成为自主经营、自负盈亏的社会主义商品生产者和经营者。\n\n要在坚持公有制为主体的前提下，继续发展多种所有制形式。\n\n"
            "（二）进一步发展社会主义的商品市场，逐步完善市场体系。\n\n要继续减少国家统一分配调拨产品的种类和数量。\n\n"
            "（三）国家对企业的管理逐步由直接控制为主转向间接控制为主，建立新的社会主义宏观经济管理制度。\n\n"
            "“七五”期间，要逐步完善各种经济手段和法律手段。\n\n上述三个方面的改革，是互相联系的有机整体。\n\n"
            "这里着重讲几个需要进一步明确的认识问题。\n\n"
            "一、充分认识经济体制改革必须适应发展社会主义商品经济的要求\n\n正文。\n\n"
            "四、关于全面实现计划的主要措施\n\n第一、严格控制固定资产投资的总规模，切实保证重点建设和企业技术改造按计划完成\n\n"
            "国务院作出了如下规定：\n\n一、固定资产投资总规模，包括国家预算内的拨款、自筹资金和银行贷款，都必须由国家计委和省、"
            "市、自治区计委进行综合平衡，统一纳入国家计划。\n\n不论哪个地区和部门，都必须事前报请批准。\n\n"
            "第二、坚决调整和全面整顿现有企业，努力提高企业的经营管理水平\n\n正文。")
    roots = split_sections(text)
    assert [(node.style, node.label, node.level) for node in nodes(roots)] == [
        ("chinese", "一", 1), ("chinese", "二", 1), ("chinese", "三", 1),
        ("paren", "一", 2), ("paren", "二", 2), ("paren", "三", 2), ("chinese", "一", 2),
        ("chinese", "四", 1), ("ordinal", "一", 2), ("ordinal", "二", 2)]
    assert tops(roots)[2].children[0].heading.endswith("的社会主义商品生产者和经营者")
    assert_lossless(text, roots)


def test_two_short_item_lines_of_a_part_without_numbered_items():
    # 1999-guowuyuan.txt: part 六's 千方百计扩大出口。 and 继续保持人民币汇率稳定。, each followed
    # by its body; two long lines of a part are lead sentences (2009: 全面贯彻党的宗教工作…)
    text = ("一、认真做好金融工作，防范和化解金融风险\n\n我国金融运行平稳，金融改革取得重要进展。要加强金融监管。\n\n"
            "二、千方百计扩大出口和有效利用外资\n\n要继续贯彻对外开放的基本国策，努力开拓国际市场，力争对外贸易和利用外资有所增长。这对于实现今年经济的持续增长十分重要。\n\n"
            "千方百计扩大出口。\n\n积极实施以质取胜和市场多元化战略，综合运用出口信贷、退税等各种国际通行的政策手段，促进出口，增加收汇。以扩大机电产品出口为重点。\n\n"
            "充分发挥我国社会政治稳定、宏观经济形势良好的优势，尽可能多地吸引外资。要提高利用外资的质量。\n\n继续保持人民币汇率稳定。\n\n"
            "加强外汇收支管理，保持国际收支平衡和外汇储备稳定。严格结售汇制度，禁止非法外汇交易。\n\n"
            "三、加强民族团结和宗教工作\n\n促进各民族共同团结奋斗、共同繁荣发展，是各族人民的根本利益所在。要全面贯彻党的民族政策。\n\n"
            "全面贯彻党的宗教工作基本方针，发挥宗教界人士和信教群众在促进经济社会发展中的积极作用。\n\n"
            "认真贯彻党的侨务政策，支持海外侨胞、归侨侨眷关心和参与祖国现代化建设与和平统一大业。\n\n"
            "过去的一年，国防和军队现代化建设取得重要进展。人民解放军为维护国家主权作出了重要贡献。")
    roots = split_sections(text)
    assert [(node.heading, node.level) for node in nodes(roots)] == [
        ("认真做好金融工作，防范和化解金融风险", 1), ("千方百计扩大出口和有效利用外资", 1),
        ("千方百计扩大出口", 2), ("继续保持人民币汇率稳定", 2), ("加强民族团结和宗教工作", 1)]
    assert_lossless(text, roots)


def test_lines_on_what_we_do_after_an_address_are_sentences_not_items():
    # 2004-guowuyuan.txt: after part 三's 第五， and 各位代表！, the 我们要… sentences of the
    # foreign-policy paragraphs, each a paragraph of its own
    text = ("一、过去一年工作回顾\n\n正文。\n\n二、今年工作的总体要求\n\n正文。\n\n三、加强政府自身建设\n\n"
            "第一，坚持执政为民。\n\n正文。\n\n第二，坚持依法行政。\n\n正文。\n\n各位代表！\n\n"
            "过去的一年，我们坚持独立自主的和平外交政策，把握机遇，应对挑战，主动进取，对外工作成绩显著。我国在国际上赢得了更多的理解。\n\n"
            "我们要深化同发展中国家的友好合作，探索合作的新渠道、新形式，支持广大发展中国家联合自强。\n\n"
            "我们要坚持与邻为善、以邻为伴的方针，与周边各国深化睦邻友好合作，维护地区和平与稳定。\n\n"
            "我们要不断加强同发达国家的关系，努力寻求和扩大共同利益的汇合点，通过平等对话与磋商，逐步解决存在的分歧，促进相互关系的稳定发展。\n\n"
            "我们要积极拓展多边外交，在联合国和其他国际及区域组织中发挥建设性作用。\n\n"
            "中国政府和中国人民将始终站在人类正义事业的一边，同各国人民一道，为维护世界和平、促进共同发展不懈奋斗。")
    roots = split_sections(text)
    assert [(node.heading, node.level) for node in nodes(roots)] == [
        ("过去一年工作回顾", 1), ("今年工作的总体要求", 1), ("加强政府自身建设", 1),
        ("坚持执政为民", 2), ("坚持依法行政", 2)]
    assert tops(roots)[2].children[1].text.endswith("促进共同发展不懈奋斗。")
    assert_lossless(text, roots)


def test_an_ordinal_list_announced_after_the_last_items_body_stands_beside_the_items():
    # 2008-guowuyuan.txt: part 一's lessons 第一，…第六， follow （三）'s body and 主要体会是：
    text = ("一、过去五年工作回顾\n\n正文。\n\n（一）加强和改善宏观调控，促进经济平稳快速发展\n\n正文。\n\n"
            "（二）大力推进改革开放，注重制度建设和创新\n\n正文。\n\n（三）全面加强社会建设，切实保障和改善民生\n\n"
            "我们坚持统筹经济社会发展。\n\n全面加强军队现代化建设。积极推进中国特色军事变革。\n\n"
            "积极开展对外交往与合作，全方位外交取得重大进展。\n\n五年来，我们始终重视政府自身改革和建设。\n\n"
            "过去五年，我们在丰富实践中积累了许多宝贵经验，主要体会是：\n\n"
            "第一，必须坚持解放思想。解放思想、实事求是是我们党的思想路线。\n\n"
            "第二，必须坚持落实科学发展观。科学发展观是发展中国特色社会主义的重大战略思想。\n\n"
            "二、2008年主要任务\n\n正文。\n\n（一）搞好宏观调控，保持经济平稳较快发展\n\n正文。")
    roots = split_sections(text)
    assert [(node.heading, node.level) for node in nodes(roots)] == [
        ("过去五年工作回顾", 1), ("加强和改善宏观调控，促进经济平稳快速发展", 2),
        ("大力推进改革开放，注重制度建设和创新", 2), ("全面加强社会建设，切实保障和改善民生", 2),
        ("必须坚持解放思想", 2), ("必须坚持落实科学发展观", 2),
        ("2008年主要任务", 1), ("搞好宏观调控，保持经济平稳较快发展", 2)]
    assert_lossless(text, roots)


def test_a_long_line_right_under_a_parts_heading_is_its_lead_sentence():
    # 1999-guowuyuan.txt: part 七 (here 二) opens with 实施科教兴国战略，是…。, then its items
    # 科教兴国，基础在教育。 and 进一步实施可持续发展战略。
    text = ("一、1998年工作回顾\n\n正文。\n\n二、实施科教兴国战略和可持续发展战略\n\n"
            "实施科教兴国战略，是实现经济振兴和国家现代化的根本大计，也是本届政府极其重要的任务。\n\n"
            "当前最重要的是，大力推进改革，加快国家创新体系建设。一是推动企业成为技术创新的主体。\n\n"
            "科教兴国，基础在教育。\n\n要继续把教育放在优先发展的战略地位。今年要普及九年义务教育。\n\n"
            "进一步实施可持续发展战略。\n\n要以对人民、对子孙后代高度负责的精神，保护资源和生态环境。加强对资源的规划和管理。")
    roots = split_sections(text)
    assert [(node.heading, node.level) for node in nodes(roots)] == [
        ("1998年工作回顾", 1), ("实施科教兴国战略和可持续发展战略", 1),
        ("科教兴国，基础在教育", 2), ("进一步实施可持续发展战略", 2)]
    assert tops(roots)[1].text.startswith("实施科教兴国战略，是实现经济振兴")
    assert_lossless(text, roots)


# ---- county reports (fixtures/external, batch 5 of session 21) -------------------------

COUNTY_PARTS = """各位代表：

现在，我代表县人民政府，向大会报告工作，请予审议。

2022年工作回顾

2022年，是极不平凡的一年。

一、坚持产业跨越发展，制造业强县加快起势

产业转型持续提速。全年完成规模以上固定资产投资75亿元。

二、坚持改革开放突破，市场活力持续释放

重点改革不断深化。76项改革创新成果获得推广。

2023年工作目标任务

今年经济社会发展的主要预期目标是：生产总值增长6%以上。

一、聚焦高质量发展，以更大力度推进制造业强县建设

（一）培育壮大优强企业。深入实施制造业强县战略。

加强政府自身建设

一、坚持政治建设，忠诚履行使命

旗帜鲜明讲政治。"""


def test_unnumbered_parts_each_with_a_series_of_their_own():
    # gaotang-2023: 2022年工作回顾 / 一、二、 ; 2023年工作目标任务 / 一、 ; 加强政府自身建设 / 一、
    roots = split_sections(COUNTY_PARTS)
    parts = [root for root in roots if root.style != PREAMBLE_STYLE]
    assert [part.heading for part in parts] == ["2022年工作回顾", "2023年工作目标任务", "加强政府自身建设"]
    assert [len(part.children) for part in parts] == [2, 1, 1]
    assert parts[1].children[0].level == 2 and parts[1].children[0].children[0].level == 3
    assert_lossless(COUNTY_PARTS, roots)


def test_one_unnumbered_line_before_the_parts_is_no_series_part():
    # 2025-guangdong: the speaker's line before 一、2024年工作回顾 opens nothing
    text = COUNTY_PARTS.replace("2022年工作回顾\n\n", "").replace("一、坚持产业", "一、2022年工作回顾\n\n坚持产业", 1)
    headings = [node.heading for node in nodes(split_sections(text))]
    assert "2023年工作目标任务" not in [root.heading for root in split_sections(text)]
    assert "2022年工作回顾" in headings


PARALLEL_LINES = """各位代表：

现在，我代表县人民政府，向大会报告工作，请予审议。

2021年工作回顾

刚刚过去的2021年，是中国共产党成立100周年。

一年来，我们坚持稳中提质，综合实力稳步提升

工业经济稳定增长。钒氮合金等16个产品产量增长。

一年来，我们坚持精明增长，城乡建设协同推进

内外交通更加通畅。成昆铁路复线建成通车。

一年来，我们坚持民生优先，群众福祉日益增进

脱贫成果巩固拓展。进一步完善制度。

2022年工作安排

今年全县经济社会发展主要目标是：地区生产总值增长8%。

一、以工业强县战略为主线，持续发展壮大工业经济

持续做大产业规模。做好做优现有企业。"""


def test_unnumbered_lines_written_as_a_series_are_items_of_the_part_before():
    # miyi-2022: 一年来，我们坚持… ×6 under 2021年工作回顾
    roots = [root for root in split_sections(PARALLEL_LINES) if root.style != PREAMBLE_STYLE]
    assert [root.heading for root in roots] == ["2021年工作回顾", "2022年工作安排"]
    assert [child.heading[:9] for child in roots[0].children] == ["一年来，我们坚持稳", "一年来，我们坚持精", "一年来，我们坚持民"]
    assert all(child.level == 2 for child in roots[0].children)
    assert roots[1].children[0].heading.startswith("以工业强县")
    assert_lossless(PARALLEL_LINES, split_sections(PARALLEL_LINES))


COUNTY_PAGE = """工作报告

时间：2020-03-02????作者：中国县域

政府工作报告

曲阳县人民政府县长 张三

各位代表：

现在，我代表县人民政府，向大会报告工作，请予审议。

2019年工作回顾

过去的一年，我们迎难而上。

2020年工作安排

今年的主要预期目标是：生产总值增长7%。

“两项行动”即开展贯彻全年的两项行动：

(一)“全域和美城乡建设年”行动。以承办为契机。

(二)“县域经济提质年”行动。因地制宜发展。

“五条赛道”即五个新赛道：

(一)探索“科创平台”新赛道。推动科技创新。

(二)布局“未来能源”新赛道。利用丰富的资源。

(三)提速“农副产品”新赛道。发展共享农业。

※名词解释※

[1]两项行动：即…。

分享到：

QQ空间

相关文章

2020年易县政府工作报告

标签云

政府工作报告"""


def test_a_county_page_from_the_web():
    # quyang-2020, yixian-2025: the site's header lines are no parts, lists side by side each
    # number from one, a decorated glossary is the glossary, and the site's link lists after it
    # are text, never headings
    roots = split_sections(COUNTY_PAGE)
    parts = [root for root in roots if root.style not in (PREAMBLE_STYLE, GLOSSARY_STYLE)]
    assert [part.heading for part in parts] == ["2019年工作回顾", "2020年工作安排"]
    assert [child.heading for child in parts[1].children] == [
        "“全域和美城乡建设年”行动", "“县域经济提质年”行动",
        "探索“科创平台”新赛道", "布局“未来能源”新赛道", "提速“农副产品”新赛道"]
    glossary = roots[-1]
    assert glossary.style == GLOSSARY_STYLE and glossary.heading == "※名词解释※"
    assert not glossary.children and "标签云" in glossary.text and "2020年易县政府工作报告" in glossary.text
    assert_lossless(COUNTY_PAGE, roots)


def test_a_review_part_without_a_series_before_parts_with_one():
    # gaotang-2025: 2024年工作回顾 has unnumbered item lines; the parts after it number 一、… anew
    text = ("政府工作报告\n\n各位代表：\n\n现在，我代表县人民政府，向大会报告工作。\n\n2024年工作回顾\n\n"
            "2024年是关键一年。\n\n我们始终保持发展定力，经济运行跑出新速度\n\n经济运行稳中有进。\n\n"
            "我们始终坚持提质增效，产业发展取得新突破\n\n工业经济运行稳健。\n\n"
            "各位代表!惟其磨砺，始得玉成。\n\n2025年工作目标任务\n\n今年的主要预期目标是：地区生产总值增长6%以上。\n\n"
            "一、聚焦促消费扩投资\n\n持续激发消费潜能。\n\n二、聚焦抓产业强实体\n\n不断壮大产业集群。\n\n"
            "加强政府自身建设\n\n一、持之以恒强化忠诚担当\n\n坚定拥护。\n\n二、持之以恒厚植为民情怀\n\n践行宗旨。")
    roots = [root for root in split_sections(text) if root.style != PREAMBLE_STYLE]
    assert [(root.heading, [child.heading for child in root.children]) for root in roots] == [
        ("2024年工作回顾", ["我们始终保持发展定力，经济运行跑出新速度", "我们始终坚持提质增效，产业发展取得新突破"]),
        ("2025年工作目标任务", ["聚焦促消费扩投资", "聚焦抓产业强实体"]),
        ("加强政府自身建设", ["持之以恒强化忠诚担当", "持之以恒厚植为民情怀"])]
    assert_lossless(text, split_sections(text))


def test_a_pages_tag_list_after_the_report_is_text():
    # laiyuan-2025: 标签： then the tags, before 分享到
    text = COUNTY_PAGE.replace("※名词解释※\n\n[1]两项行动：即…。\n\n", "").replace(
        "分享到：", "标签：\n\n2025年\n\n工作报告\n\n涞源县\n\n分享到：")
    assert not any(node.heading in ("2025年", "涞源县") for root in split_sections(text) for node in root.walk())


def test_a_bold_part_without_a_series_after_bold_parts_with_one():
    # leshan-2014: **以改革创新精神加强政府自身建设** after **2014年工作安排** 一、…; then the glossary
    text = ("各位代表：\n\n现在，我代表市人民政府向大会报告工作。\n\n**2013年工作回顾**\n\n过去一年成绩显著。\n\n"
            "**一、稳定增势有力有效**\n\n经济增长。\n\n**二、发展质量得到提高**\n\n质量提高。\n\n**2014年工作安排**\n\n"
            "今年的目标是增长9.5%。\n\n**一、全面深化改革扩大开放**\n\n深化改革。\n\n**二、持续加大项目投资力度**\n\n"
            "加大投资。\n\n**以改革创新精神加强政府自身建设**\n\n新形势对政府工作提出了新要求。\n\n"
            "**附件名词解释和说明**\n\n1.五大片区：…。")
    roots = split_sections(text)
    assert [(root.style == GLOSSARY_STYLE, root.heading) for root in roots if root.style != PREAMBLE_STYLE] == [
        (False, "2013年工作回顾"), (False, "2014年工作安排"), (False, "以改革创新精神加强政府自身建设"),
        (True, "附件名词解释和说明")]


def test_a_glossary_named_after_the_report():
    # tangxian-2020: 《政府工作报告》名词解释
    roots = split_sections("一、2019年工作回顾\n\n经济平稳。\n\n《政府工作报告》名词解释\n\n[1]三重一大：即…。")
    assert [(root.style, root.heading) for root in roots][-1] == (GLOSSARY_STYLE, "《政府工作报告》名词解释")
    bracketed = split_sections("一、2016年工作回顾\n\n经济平稳。\n\n【名词解释】\n\n[1]雄图：…。")   # rongcheng-2017
    assert (bracketed[-1].style, bracketed[-1].heading) == (GLOSSARY_STYLE, "【名词解释】")


def test_the_site_lists_after_a_report_without_glossary_are_text():
    text = COUNTY_PAGE.replace("※名词解释※\n\n[1]两项行动：即…。\n\n", "")
    headings = [node.heading for node in nodes(split_sections(text))]
    assert "相关文章" not in headings and "QQ空间" not in headings and "标签云" not in headings


def test_a_bold_part_heading_set_on_two_lines_is_one_heading():
    # yueyang-2022
    text = ("各位代表：\n\n**全面建成小康社会**\n\n**岳阳阔步迈上现代化建设新征程**\n\n过去五年，我们砥砺奋进。\n\n"
            "**只争朝夕抢抓开局**\n\n**奋力在高质量发展上闯出新路子**\n\n2022年是关键之年。")
    assert [node.heading for node in split_sections(text)][1:] == [
        "全面建成小康社会 岳阳阔步迈上现代化建设新征程", "只争朝夕抢抓开局 奋力在高质量发展上闯出新路子"]


@pytest.mark.parametrize("title", ["《政府工作报告》有关术语的说明", "有关词语说明", "名词注解"])
def test_glossaries_by_other_names(title):
    # guiyang-2011, xuzhou-2023, dongguan-2025
    text = f"一、2010年工作回顾\n\n全市生产总值增长14%。\n\n二、2011年工作安排\n\n全市生产总值增长14%。\n\n{title}\n\n1. 十件实事：…"
    assert split_sections(text)[-1].style == GLOSSARY_STYLE


def test_a_bold_salutation_is_no_heading_and_a_long_bold_lead_is_one():
    # yinchuan-2020
    lead = "一年来，我们坚持在发展中保障和改善民生，致力于推进和谐发展，人民群众获得感、幸福感、安全感有了新提升。"
    text = (f"一、2019年工作回顾\n\n**{lead}**民生支出占比保持在75%以上。\n\n"
            "**各位代表！**为者常成、行者常至。过去一年，我们顶住压力。\n\n二、2020年工作安排\n\n预期目标是：地区生产总值增长6.5%。")
    headings = [node.heading for node in split_sections(text)[0].children]
    assert headings == [lead.rstrip("。")]


def test_a_long_numbered_line_without_a_full_stop_is_a_heading():
    # weifang-2021: （五）, a line of 54 characters with no 。, its body in the next paragraph;
    # one of more than 80 stays body text
    item = "主攻乡村振兴、城市更新、海洋经济、总部经济和商贸流通、文旅教育和医养健康“五大战场”，奋力攻坚，务求实效"
    text = (f"一、2021年工作安排\n\n（一）深化改革开放\n\n正文。\n\n（二）{item}\n\n正文。\n\n"
            f"（三）{item}，全年完成投资1000亿元以上，新开工项目300个以上，建成投产项目200个\n\n正文。")
    roots = split_sections(text)
    assert [node.heading for node in roots[0].children] == ["深化改革开放", item]
    assert_lossless(text, roots)


def test_a_bold_part_without_a_series_between_bold_parts_with_one():
    # yibin-2016: **“十三五”的主要任务** between **“十二五”及2015年工作回顾** 一、… and **2016年工作安排** 一、…
    text = ("各位代表：\n\n现在，我代表市人民政府向大会报告工作。\n\n**“十二五”及2015年工作回顾**\n\n"
            "一、突出发展要务，全市经济保持平稳较快发展。过去一年成绩显著。\n\n二、突出投资拉动，项目投资保持快速增长。投资增长。\n\n"
            "**“十三五”的主要任务**\n\n“十三五”时期是决胜期。\n\n**2016年工作安排**\n\n"
            "一、着力稳定经济增长\n\n稳增长。\n\n二、着力加快结构调整\n\n调结构。")
    roots = split_sections(text)
    assert [root.heading for root in tops(roots)] == [
        "“十二五”及2015年工作回顾", "“十三五”的主要任务", "2016年工作安排"]
    assert_lossless(text, roots)


def test_a_bold_part_heading_goes_on_in_a_plain_line():
    # beijing-1999: **二、以迎接建国50周年为强大推动力** then 全面开创首都改革开放和现代化建设的新局面
    text = ("**一、1998年工作的回顾**\n\n成绩显著。\n\n（一）经济增长超过预定目标。正文。\n\n"
            "**二、以迎接建国50周年为强大推动力**\n\n全面开创首都改革开放和现代化建设的新局面\n\n今年是特殊的一年。\n\n"
            "（一）加大结构调整力度，提高经济运行的质量和效益\n\n正文。\n\n（二）努力扩大内需\n\n正文。")
    roots = split_sections(text)
    assert [root.heading for root in roots] == [
        "1998年工作的回顾", "以迎接建国50周年为强大推动力全面开创首都改革开放和现代化建设的新局面"]
    assert [child.heading for child in roots[1].children] == ["加大结构调整力度，提高经济运行的质量和效益", "努力扩大内需"]
    assert_lossless(text, roots)


def test_unnumbered_parts_with_long_item_lines_and_a_bold_part_between():
    # chaoyang-2021: a plain part line and a bold one, each with its 一、 series of lines up to 80
    # characters without a full stop; a bold part between them without one
    long_item = "一、坚持“办事方便、法治良好、成本竞争力强、生态宜居”目标不动摇，深入开展营商环境建设年活动，推动优化营商环境实现新突破"
    text = ("各位代表：\n\n现在，我代表市人民政府向大会报告工作。\n\n2020年和“十三五”时期工作回顾\n\n2020年极不平凡。\n\n"
            "一、坚持人民至上、生命至上，全力防控新冠肺炎疫情\n\n正文。\n\n二、突出以项目为中心，强力打造发展引擎\n\n正文。\n\n"
            "**“十四五”期间的发展思路和目标任务**\n\n今后五年的目标是。\n\n**2021年主要工作**\n\n今年的目标是。\n\n"
            f"{long_item}\n\n正文。\n\n二、坚持实施工业强市战略不动摇，推进工业发展实现新突破\n\n正文。")
    roots = split_sections(text)
    assert [(root.heading, len(root.children)) for root in tops(roots)] == [
        ("2020年和“十三五”时期工作回顾", 2), ("“十四五”期间的发展思路和目标任务", 0), ("2021年主要工作", 2)]
    assert roots[-1].children[0].heading == long_item[2:]
    assert_lossless(text, roots)


def test_a_closing_part_after_parts_with_series():
    # 1984-guowuyuan: 关于国内建设 一、…; 关于外交工作 一、…; then 结束语
    text = ("各位代表：\n\n现在，我代表国务院报告工作。\n\n关于国内建设\n\n一年来成绩显著。\n\n一、改革建筑业和基本建设的管理体制\n\n正文。\n\n"
            "二、改革流通体制，疏通流通渠道\n\n正文。\n\n关于外交工作\n\n一年来外交活跃。\n\n一、维护世界和平是我国对外政策的主要目标\n\n正文。\n\n"
            "二、我们坚持和平共处五项原则\n\n正文。\n\n结束语\n\n让我们团结起来。")
    roots = split_sections(text)
    assert [root.heading for root in tops(roots)] == ["关于国内建设", "关于外交工作", "结束语"]
    assert_lossless(text, roots)


def test_items_that_lost_their_opening_bracket_and_a_printers_line():
    # hefei-2017: 一）聚焦前沿… in a copy that lost each paragraph's first character;
    # wulumuqi-2014: …秘书处 2014年1月6日印 after the closing is no part
    text = ("一、2016年工作回顾\n\n过去一年成绩显著。\n\n一）聚焦前沿，科技创新跃升新高度。创新能力提升。\n\n"
            "二）瞄准高端，产业转型迈出新步伐。产业升级。\n\n各位代表，让我们共同奋斗！\n\n市十五届人大三次会议秘书处 2014年1月6日印")
    roots = split_sections(text)
    assert [root.heading for root in roots] == ["2016年工作回顾"]
    assert [child.heading for child in roots[0].children] == ["聚焦前沿，科技创新跃升新高度", "瞄准高端，产业转型迈出新步伐"]
    assert_lossless(text, roots)


def test_an_appendix_written_with_a_space_holds_its_numbered_items():
    # xiangxi-2022: 附 件： then a title and (1)…(15) items, which are not parts of the report
    text = ("一、回顾\n\n正文。\n\n二、安排\n\n（一）办好民生实事\n\n正文。\n\n附 件：\n\n"
            "2022年州定15件民生实事\n\n（1）新建城区停车位2250个。\n\n（2）新增天然气用户2万户。")
    roots = split_sections(text)
    assert [(node.heading, node.level) for node in nodes(roots)] == [
        ("回顾", 1), ("安排", 1), ("办好民生实事", 2), ("附 件", 1)]
    assert roots[-1].text.startswith("2022年州定15件民生实事")
    assert_lossless(text, roots)


def test_a_glossary_of_terms_used_and_a_newspapers_page_jump_are_no_headings():
    # binzhou-2021: 部分用语说明 and its terms; （下转第二版）（上接第一版） between two paragraphs
    text = ("一、回顾\n\n正文。\n\n（下转第二版）（上接第一版）\n\n二、安排\n\n（一）做好工作\n\n正文。\n\n"
            "部分用语说明\n\n七富七强\n\n指……。\n\n“四新”投资\n\n指……。")
    roots = split_sections(text)
    assert [(node.heading, node.level) for node in nodes(roots)] == [
        ("回顾", 1), ("安排", 1), ("做好工作", 2), ("部分用语说明", 1)]
    assert roots[-1].style == GLOSSARY_STYLE
    assert_lossless(text, roots)
