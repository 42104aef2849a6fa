"""Synthetic-but-real-text reports for the benchmark.

Each report is a new arrangement of real paragraphs from the corpus in fixtures/ (national
reports, provincial .docx reports, the bundled fixtures), wrapped in the header and
heading shapes the parser recognises, so that import finds region, year, speaker and a
two-level section tree. The text is real Chinese policy prose, so jieba, Whoosh and the
highlighter see realistic vocabulary; only the order is made up.

Region/year pairs are all distinct because a report is unique per region, year, kind
and title: a repeated pair would replace the earlier report instead of adding one.
"""
from __future__ import annotations

import random
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = [ROOT / "fixtures" / "corpus" / "national", ROOT / "fixtures" / "corpus" / "provincial-2025",
           ROOT / "fixtures" / "reports"]

PROVINCES = ["河北省", "山西省", "辽宁省", "吉林省", "江苏省", "浙江省", "安徽省", "福建省", "江西省",
             "山东省", "河南省", "湖北省", "湖南省", "广东省", "海南省", "四川省", "贵州省", "云南省",
             "陕西省", "甘肃省", "青海省"]
CITIES = ["晋江市", "泉州市", "厦门市", "福州市", "宁波市", "温州市", "苏州市", "无锡市", "常州市",
          "南通市", "徐州市", "青岛市", "烟台市", "潍坊市", "济南市", "郑州市", "洛阳市", "武汉市",
          "宜昌市", "长沙市", "株洲市", "佛山市", "东莞市", "珠海市", "成都市", "绵阳市", "昆明市",
          "贵阳市", "西安市", "兰州市", "合肥市", "芜湖市", "南昌市", "赣州市", "石家庄市", "太原市",
          "沈阳市", "大连市", "长春市", "哈尔滨市"]
COUNTIES = ["安溪县", "德化县", "永春县", "惠安县", "长兴县", "德清县", "昆山县", "义乌县"]
REGIONS = PROVINCES + CITIES + COUNTIES
YEARS = range(1950, 2028)  # 69 regions × 78 years: room for N = 5,000
# Districts of each city, drawn on only past the 5,382 pairs above (bench-huge's 20,000),
# so that smaller corpora stay as they were.
DISTRICTS = [city[:-1] + district for city in CITIES for district in ("东城区", "西城区", "新城区", "高新区", "南湖区")]
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘"
GIVEN = "明华建国伟强军平志刚永春海涛晓东立新文斌红梅丽娟宏亮"
NUMERALS = "一二三四五六七八九十"
PART_HEADINGS = ["{prev}年工作回顾", "{year}年工作安排", "深入推进高质量发展", "着力保障和改善民生",
                 "全面加强政府自身建设", "持续深化改革开放", "加快建设现代化产业体系"]
ITEM_HEADINGS = ["坚持创新驱动，培育新质生产力", "扩大有效需求，稳住经济基本盘", "深化改革开放，激发市场活力",
                 "推进城乡融合，建设宜居城市", "加强生态保护，推动绿色转型", "办好民生实事，增进人民福祉",
                 "统筹发展和安全，守牢风险底线", "推动文旅融合，提升城市品质", "强化要素保障，优化营商环境",
                 "实施乡村振兴，促进共同富裕"]
HEADING_LIKE = re.compile(r"^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+[、.．]|——|各位代表)")


def real_paragraphs() -> list[str]:
    """Body paragraphs of every source report: long enough to be prose, not headings or headers."""
    paragraphs: list[str] = []
    for folder in SOURCES:
        for path in sorted(folder.glob("*")):
            if path.suffix == ".txt":
                lines = path.read_text(encoding="utf-8", errors="ignore").splitlines()
            elif path.suffix == ".docx":
                import docx  # python-docx, already a dependency of the importer
                lines = [p.text for p in docx.Document(str(path)).paragraphs]
            else:
                continue
            for line in lines:
                line = line.strip().replace("\u3000", "")
                if len(line) >= 60 and not HEADING_LIKE.match(line):
                    paragraphs.append(line)
    return paragraphs


def region_years(n: int, rng: random.Random) -> list[tuple[str, int]]:
    pairs = [(region, year) for region in REGIONS for year in YEARS]
    rng.shuffle(pairs)
    if n > len(pairs):
        more = [(district, year) for district in DISTRICTS for year in YEARS]
        rng.shuffle(more)
        pairs += more
    if n > len(pairs):
        raise ValueError(f"at most {len(pairs)} distinct region/year pairs, asked for {n}")
    return pairs[:n]


def make_report(region: str, year: int, paragraphs: list[str], rng: random.Random,
                target_chars: int | None = None, extra: str = "") -> str:
    """One report of about ``target_chars`` (20k–40k by default) in the shape of a real one."""
    target = target_chars or rng.randint(20_000, 40_000)
    office = {"省": "省长", "市": "市长", "县": "县长", "区": "区长"}[region[-1]]
    speaker = rng.choice(SURNAMES) + "".join(rng.sample(GIVEN, 2))
    delivered_year, month, day = (year - 1, 12, rng.randint(20, 30)) if rng.random() < 0.3 \
        else (year, rng.randint(1, 2), rng.randint(5, 25))
    session = NUMERALS[rng.randrange(10)]
    lines = ["政府工作报告",
             f"——{delivered_year}年{month}月{day}日在{region}第十{session}届人民代表大会第{NUMERALS[rng.randrange(5)]}次会议上",
             f"{region}人民政府{office} {speaker}",
             "各位代表：",
             f"现在，我代表{region}人民政府向大会作工作报告，请予审议，并请政协各位委员和其他列席人员提出意见。"]
    if extra:
        lines.append(extra)
    parts = rng.randint(3, 6)
    per_part = target // parts
    for p in range(parts):
        heading = PART_HEADINGS[p] if p < 2 else rng.choice(PART_HEADINGS[2:])
        lines.append(f"{NUMERALS[p]}、{heading.format(prev=year - 1, year=year)}")
        items = rng.randint(2, 5)
        for i in range(items):
            lines.append(f"（{NUMERALS[i]}）{rng.choice(ITEM_HEADINGS)}")
            written = 0
            while written < per_part // items:
                paragraph = rng.choice(paragraphs)
                lines.append(paragraph)
                written += len(paragraph)
    return "\n\n".join(lines) + "\n"


def build(n: int, folder: Path, seed: int = 2025) -> list[Path]:
    """Write ``n`` reports into ``folder`` (deterministic for a seed); returns their paths."""
    rng = random.Random(seed)
    paragraphs = real_paragraphs()
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for number, (region, year) in enumerate(region_years(n, rng)):
        path = folder / f"bench-{number:05d}-{region}-{year}.txt"
        path.write_text(make_report(region, year, paragraphs, rng), encoding="utf-8")
        paths.append(path)
    return paths
