"""clean_text / strip_markup on small strings, the seeds and the real corpus."""
import re
from collections import Counter

import pytest

from archive.parsing.cleaning import clean_text, strip_markup
from archive.parsing.reading import read_document

HIGHLIGHTS = "jinjiang-2023-highlights.txt"
INTERPRETATIONS = "jinjiang-2024-interpretations.txt"
SEEDS = ["jinjiang-2025-work-report.txt", HIGHLIGHTS, INTERPRETATIONS]
BODY = "现在，我代表市人民政府向大会作工作报告，请予审议，并请市政协各位委员和其他列席人员提出意见。"


@pytest.fixture
def jinjiang(jinjiang_bytes) -> str:
    return clean_text(jinjiang_bytes.decode("utf-8"))


def _paragraphs(text: str) -> list[str]:
    return text.split("\n\n")


def _seed(fixture_reports, name: str) -> str:
    return (fixture_reports / name).read_text(encoding="utf-8")


# --- output shape ---------------------------------------------------------------------

def test_output_is_one_line_per_paragraph_with_single_blank_lines(jinjiang):
    assert not jinjiang.startswith("\n") and not jinjiang.endswith("\n")
    assert "\n\n\n" not in jinjiang
    for paragraph in _paragraphs(jinjiang):
        assert paragraph and "\n" not in paragraph
        assert paragraph == paragraph.strip()


def test_line_endings_indentation_and_invisible_characters():
    raw = "\ufeff\r\n\u3000\u3000各位代表：\r\n\r\n\u3000\u3000现在，\u200b我代表\u00a0市人民政府。\f下一页。\r"
    assert clean_text(raw) == "各位代表：\n\n现在，我代表 市人民政府。\n\n下一页。"


def test_a_web_copy_with_escaped_line_breaks_and_entities():
    # xushui-2018, anxin-2024: a workbook cell copied from the page's source
    raw = r"政府工作报告\r\n各位代表：\r\n&nbsp; 现在，我代表县人民政府报告工作。\r\n一、2023年工作回顾\r\n&ldquo;十四五&rdquo;开局。"
    assert clean_text(raw) == "政府工作报告\n\n各位代表：\n\n现在，我代表县人民政府报告工作。\n\n一、2023年工作回顾\n\n“十四五”开局。"


def test_question_marks_for_a_lost_indent_and_spaced_decimals():
    # rongcheng-2017: ??（一） opening a line; fuping-2017: 3.6 2亿元 (the "??" inside a line stays)
    raw = "三、2017年工作任务\n??（一）进一步提升产业创新能力。\n财政收入完成 3.6 2亿元，县长??刘靖。"
    assert clean_text(raw) == "三、2017年工作任务\n\n（一）进一步提升产业创新能力。\n\n财政收入完成3.62亿元，县长??刘靖。"


def test_a_lone_backslash_and_ampersand_stay():
    assert clean_text(r"路径C:\new不是换行，R&D经费与&nbsp不是实体") == r"路径C:\new不是换行，R&D经费与&nbsp不是实体"


def test_whitespace_only_lines_separate_paragraphs():
    assert clean_text("一、总体要求\n\u3000\u3000\n" + BODY) == "一、总体要求\n\n" + BODY


# --- normalisation inside paragraphs -----------------------------------------------------

@pytest.mark.parametrize("raw, cleaned", [
    ("１９９３年国内生产总值增长１３．４％", "1993年国内生产总值增长13.4%"),
    ("本届政府从1 9 9 3 年3 月就职", "本届政府从1993年3月就职"),
    ("平均每年增长1 5 ．3 ％，产业结构", "平均每年增长15.3%，产业结构"),
    ("授予专利权2 2 ．4 万件", "授予专利权22.4万件"),
    ("分别增长 1.7%、5.5%", "分别增长1.7%、5.5%"),
    ("新增评价入库科技型中小企业 588 家", "新增评价入库科技型中小企业588家"),
    ("二、2025 年主要工作安排", "二、2025年主要工作安排"),
    ("政 府 工 作 报 告", "政府工作报告"),
    ("文 件 （二十七）", "文件 （二十七）"),
    ("**政 府 工 作 报 告**", "**政府工作报告**"),
])
def test_spacing_and_full_width_numbers_are_normalised(raw, cleaned):
    assert clean_text(raw) == cleaned


@pytest.mark.parametrize("kept", [
    "Made in China 2025 and the Belt and Road",
    "晋江市人民政府市长 王明元",
    "交出一年成绩单 开启晋江2023",
    "中超、WCBA、NEST 全国电竞大赛等品牌赛事",
    "（一）在做大做强实体经济上再出发。(二) 在培育新质生产力上再出发。",
    "“1+6”专项行动：“1”即以盘活利用低效用地试点为总牵引；",
    "见附件 1、附件 2。",
    "Room 101 102",
])
def test_unrelated_tokens_brackets_and_latin_text_are_kept(kept):
    assert clean_text(kept) == kept


@pytest.mark.parametrize("raw, cleaned", [
    ("The State Council report, which was delivered\nin Beijing, continues here.",
     "The State Council report, which was delivered in Beijing, continues here."),
    ("全年一般公共预算总收入完成248亿元，同比增长 1\n2.5%，完成目标。",
     "全年一般公共预算总收入完成248亿元，同比增长12.5%，完成目标。"),
])
def test_wrapped_lines_join_with_a_space_only_between_latin_words(raw, cleaned):
    assert clean_text(raw) == cleaned


def test_strip_markup_removes_bold_markers_only():
    assert strip_markup("**项目投资拉动有力。**开工建设*项目* 2**3") == "项目投资拉动有力。开工建设*项目* 23"


def test_bold_markers_survive_cleaning(jinjiang):
    assert "**项目投资拉动有力。**开工建设项目155个" in jinjiang
    assert jinjiang.count("**") == 2 * 36
    assert "**" not in strip_markup(jinjiang)


# --- page breaks in the Jinjiang report ---------------------------------------------------

@pytest.mark.parametrize("joined", [
    "一般公共预算总收入、城乡居民人均可支配收入分别增长1.7%、5.5%，县域经济",
    "旅游花费均增长18%，文旅融合综合竞争力居全国县域第六。",
    "推动政府各项工作在法治轨道上运行。",
    "加快构建“一三一三七”发展格局",                                 # a single line break
    "全方位推动高质量发展，**进一步全面深化改革",                    # a break after a bold phrase
    "激发民营企业创新动力。深化“亲清护企”政法服务联盟建设",
    "规划建设核技术应用产业园",
])
def test_sentences_broken_by_page_breaks_are_joined(jinjiang, joined):
    assert joined in jinjiang


@pytest.mark.parametrize("heading", [
    "政府工作报告",
    "一、2024年工作回顾",
    "二、2025年主要工作安排",
    "三、建设人民满意政府",
    "各位代表：",
    "附注：",
    "——2024年12月30日在晋江市第十八届人民代表大会第四次会议上",
    "晋江市人民政府市长 王明元",
])
def test_headings_stay_paragraphs_of_their_own(jinjiang, heading):
    assert heading in _paragraphs(jinjiang)


def test_numbered_items_start_paragraphs(jinjiang):
    starts = [paragraph[:5] for paragraph in _paragraphs(jinjiang)]
    assert starts.count("1、全力助") == 1
    assert "（一）在做" in starts and "(二) 在" in starts and "(六)在厚" in starts
    assert sum(start.startswith("(P") for start in starts) == 29   # the glossary


def test_a_paragraph_ending_in_a_sentence_is_not_joined(jinjiang):
    paragraphs = _paragraphs(jinjiang)
    assert "2、攻坚重点领域改革。全面深化盘活利用低效用地试点。" in paragraphs
    assert any(p.startswith("探索土地混合开发") for p in paragraphs)


@pytest.mark.parametrize("before, after", [
    ("一、2024年工作回顾", "2024年是中华人民共和国成立75周年，是实现“十四五”规划目标任务的关键一年。"),
    ("（三）坚持改革开放，增强发展活力", "具体要做好以下工作，推动改革开放取得新进展。"),
    ("**发展空间持续拓展**", "以盘活利用低效用地试点为总牵引，一体推进园区标准化建设。"),
    ("第一，全国动员，大办农业", "农业是国民经济的基础。我们的农业如果不以比过去更高的速度发展。"),
    ("五年来，国防和军队建设迈出新步伐", "人民军队贯彻新时期军事战略方针，实施科技强军战略。"),
    ("来源：省政府政策研究室", "2025年1月20日在安徽省第十四届人民代表大会第三次会议上安徽省人民政府省长 王清宪作政府工作报告"),
    ("2025年1月20日在安徽省第十四届人民代表大会第三次会议上安徽省人民政府省长 王清宪作政府工作报告", "各位代表："),
    ("指标\t2024年\t2025年目标", "地区生产总值增长\t5%\t5%左右"),
    ("推动传统产业向高端化迈进。经济发展态势向优向好，积极推动", "1、全力助企纾困解难。深入开展专项行动。"),
])
def test_headings_titles_and_table_rows_are_not_joined(before, after):
    assert _paragraphs(clean_text(f"{before}\n\n{after}")) == [before, after]


@pytest.mark.parametrize("before, after, joined", [
    ("（三）坚持改革开放，", "增强发展活力", "（三）坚持改革开放，增强发展活力"),
    ("三、持续提升政府治理效能，", "建设人民满意的政府", "三、持续提升政府治理效能，建设人民满意的政府"),
])
def test_a_heading_cut_after_a_comma_by_a_page_break_is_joined(before, after, joined):
    assert _paragraphs(clean_text(f"{before}\n\n{after}")) == [joined]


def test_a_bare_heading_number_is_not_joined_to_its_body():
    # 1955-guowuyuan.txt sets 一、 on a line of its own above its paragraph
    raw = "一、\n\n我国人民已经推翻了帝国主义者在中国的统治，帝国主义者已经不可能掠夺我国。"
    assert len(_paragraphs(clean_text(raw))) == 2


def test_a_line_cut_after_an_opening_bracket_goes_on():
    # yunnan-2026-work_report.txt sets （三）'s bracket on a line of its own
    raw = ("（二）产业发展提质增效、转型加快。\n非烟非能工业增加值增长8.1%。\n（\n三）改革开放持续深化、互促共进。\n"
           "“云南方案”成为全国开展市场准入效能评估的基础性方案。")
    assert _paragraphs(clean_text(raw)) == [
        "（二）产业发展提质增效、转型加快。", "非烟非能工业增加值增长8.1%。",
        "（三）改革开放持续深化、互促共进。", "“云南方案”成为全国开展市场准入效能评估的基础性方案。"]


def test_a_line_cut_before_a_colon_or_after_de_goes_on():
    # guangdong-2026-work_report.txt sets the bold words of two lead-ins on lines of their own
    raw = ("按照党的二十届四中全会及省委十三届七次、八次全会部署要求。\n“十五五”时期经济社会发展的\n主要目标\n"
           "是：地区生产总值年均增长5%左右，高质量发展取得显著成效。\n"
           "2026年是“十五五”第一年，开好局起好步十分重要。\n主要预期目标\n"
           "是：地区生产总值增长4.5%—5%，在实际工作中全力争取更好结果。\n"
           "（一）久久为功推动粤港澳大湾区建设，打造富有活力和国际竞争力的一流湾区和世界级城市群。")
    assert _paragraphs(clean_text(raw)) == [
        "按照党的二十届四中全会及省委十三届七次、八次全会部署要求。",
        "“十五五”时期经济社会发展的主要目标是：地区生产总值年均增长5%左右，高质量发展取得显著成效。",
        "2026年是“十五五”第一年，开好局起好步十分重要。",
        "主要预期目标是：地区生产总值增长4.5%—5%，在实际工作中全力争取更好结果。",
        "（一）久久为功推动粤港澳大湾区建设，打造富有活力和国际竞争力的一流湾区和世界级城市群。"]


def test_indented_paragraph_is_not_joined():
    raw = "推动传统产业向高端化迈进。经济发展态势向优向好\n\n\u3000\u3000新的段落从这里开始，这是缩进的段落。"
    assert _paragraphs(clean_text(raw)) == [
        "推动传统产业向高端化迈进。经济发展态势向优向好", "新的段落从这里开始，这是缩进的段落。",
    ]
    assert clean_text(raw.replace("\u3000\u3000", "")) == raw.replace("\n\n\u3000\u3000", "")


def test_unfinished_clause_is_joined_across_a_blank_line():
    raw = "发展格局渐次铺开。全面贯彻党的十九大精神，深\n\n入学习宣传贯彻党的二十大精神。"
    assert clean_text(raw) == "发展格局渐次铺开。全面贯彻党的十九大精神，深入学习宣传贯彻党的二十大精神。"


def test_short_following_title_is_not_joined():
    raw = "发展格局渐次铺开。全面贯彻党的十九大精神，深化\n\n推进新型工业化"
    assert _paragraphs(clean_text(raw)) == ["发展格局渐次铺开。全面贯彻党的十九大精神，深化", "推进新型工业化"]


# --- newspaper columns (seeds 002 and 003) -------------------------------------------------

def test_a_newspaper_column_breaks_running_text_anywhere():
    # seed 003: the column breaks the target list inside 可支配收入
    raw = ("地区生产总值增长6.5%左右，一般公共预算总收入增长7.6%，城乡居民人均可\n\n"
           "支配收入增长7.0%，“三大战略目标”取得阶段性成效。")
    assert _paragraphs(clean_text(raw, columns=True)) == [raw.replace("\n\n", "")]
    # in a speech such a line is a heading; on a page a short title still stands alone
    assert len(_paragraphs(clean_text(raw))) == 2
    assert len(_paragraphs(clean_text("我们担纲主力领军，在强产兴城中生动诠释\n\n“晋江式干部”担当",
                                      columns=True))) == 2


def test_newspaper_column_lines_become_one_paragraph(fixture_reports):
    cleaned = clean_text(_seed(fixture_reports, INTERPRETATIONS))
    paragraphs = _paragraphs(cleaned)
    assert (
        "以科技创新引领现代化产业体系建设，是晋江政府工作报告明确的2024年工作重点之一。"
        "当前和今后一段时期，如何发挥科技创新的关键作用，推动传统产业和新兴产业齐头并进，"
        "形成新质生产力，值得关注。"
    ) in paragraphs
    assert "兴业皮革是国内皮革加工制造领域的龙头企业。走进复鞣染色车间" in cleaned
    assert "数智化后，企业生产效率提高25%，节约生产周期35%以上。" in paragraphs
    # a column break inside a paragraph that ends with a comma
    assert "晋江山姆会员店的落地将填补晋江高端零售市场的空白，有力释放新的消费热点。" in cleaned
    # headlines and by-lines keep one line each
    assert "优化城市平台" in paragraphs and "塑造城市气质" in paragraphs
    assert "本报记者 林小杰" in paragraphs
    # a line ending a sentence ends the paragraph
    assert any(p.startswith("报告指出，开展系列促消费活动") for p in paragraphs)


def test_highlights_keep_one_bullet_per_paragraph(fixture_reports):
    paragraphs = _paragraphs(clean_text(_seed(fixture_reports, HIGHLIGHTS)))
    assert "◎全市地区生产总值跃上3000亿元（人民币，下同）台阶" in paragraphs
    for bullet in ["◎跻身II型大城市行列", "◎启动国家盘活利用低效用地试点", "◎构建三级网格实体阵地",
                   "◎国家进口贸易促进创新示范区"]:
        assert bullet in paragraphs
    assert all(p.count("◎") <= 1 for p in paragraphs)
    for item in ["预计全年一般公共预算收入增长6.17%", "为企业减负超50亿元", "320个项目签约落地"]:
        assert item in paragraphs
    assert "坚持“三化四新”，把增资扩产、提质强产作为主攻方向" in paragraphs
    assert "高效统筹疫情防控和经济社会发展，我们取得哪些成效？" in paragraphs


# --- nothing is lost ----------------------------------------------------------------------

CONTENT = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff0-9]")
FULL_WIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")


def _content(text: str) -> Counter:
    return Counter(CONTENT.findall(text.translate(FULL_WIDTH_DIGITS)))


def _assert_preserved(raw: str, name: str) -> None:
    cleaned = clean_text(raw)
    assert _content(cleaned) == _content(raw), name
    assert cleaned.count("**") == raw.count("**"), name


def test_seeds_keep_every_chinese_character_and_digit(fixture_reports):
    for name in SEEDS:
        _assert_preserved(_seed(fixture_reports, name), name)


@pytest.mark.corpus
def test_national_reports_keep_every_chinese_character_and_digit(national_dir):
    files = sorted(national_dir.glob("*.txt"))
    assert len(files) == 52
    for path in files[::4] + [national_dir / "1993-guowuyuan.txt", national_dir / "1998-guowuyuan.txt"]:
        _assert_preserved(path.read_text(encoding="utf-8"), path.name)


@pytest.mark.corpus
def test_provincial_reports_keep_every_chinese_character_and_digit(provincial_dir):
    for path in sorted(provincial_dir.glob("*.docx"))[::5]:
        _assert_preserved(read_document(path.read_bytes(), path.name), path.name)


@pytest.mark.corpus
def test_clean_national_reports_keep_their_paragraphs(national_dir):
    """The national files are already one paragraph per blank-line block: at most a genuine
    page-break repair or two, never a heading glued to its body."""
    for path in sorted(national_dir.glob("*.txt")):
        raw = path.read_text(encoding="utf-8")
        before = [p for p in re.split(r"\n\s*\n", raw) if p.strip()]
        after = _paragraphs(clean_text(raw))
        assert len(before) - 1 <= len(after) <= len(before), path.name


@pytest.mark.corpus
def test_spaced_digits_in_1998_are_closed_up(national_dir):
    cleaned = clean_text((national_dir / "1998-guowuyuan.txt").read_text(encoding="utf-8"))
    assert "本届政府从1993年3月就职" in cleaned
    assert "1997年国内生产总值达到74772亿元" in cleaned
    assert not re.search(r"\d \d", cleaned)
