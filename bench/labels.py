"""The hand-read labels of fixtures/labels/*.toml (format: fixtures/labels/README.md)."""
from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

# The key names of fixtures/labels/README.md: only these are scored.
KEY_NAMES = frozenset({
    "国内生产总值", "国民生产总值", "地区生产总值", "一般公共预算总收入", "一般公共预算收入",
    "居民消费价格涨幅", "城镇调查失业率", "城镇登记失业率", "城乡居民人均可支配收入",
    "城镇居民人均可支配收入", "农村居民人均可支配收入", "农村居民人均纯收入", "粮食产量",
    "城镇新增就业", "固定资产投资", "社会消费品零售总额", "进出口总额", "出口总额",
})
MEASURES = ("growth", "level")
KINDS = ("target", "actual")
SPLITS = ("dev", "held_out", "external")


class LabelError(ValueError):
    """A label file that does not follow the format; the message names the file and entry."""


@dataclass(frozen=True)
class LabelledFact:
    name: str
    measure: str
    kind: str
    period: int
    value: float
    unit: str
    qualifier: str = ""
    value_high: float | None = None
    quote: str = ""


@dataclass(frozen=True)
class LabelledHeading:
    level: int
    text: str


@dataclass
class LabelledReport:
    path: Path
    source: str           # in the repository: fixtures/corpus/… or fixtures/reports/…
    region: str
    kind: str
    year: int
    split: str
    indicators: list[LabelledFact] = field(default_factory=list)
    headings: list[LabelledHeading] = field(default_factory=list)

    @property
    def name(self) -> str:
        return self.path.stem


def load_labels(folder: Path) -> list[LabelledReport]:
    """Every label file of ``folder``, by file name; LabelError for a malformed one."""
    return [load_label(path) for path in sorted(folder.glob("*.toml"))]


def load_label(path: Path) -> LabelledReport:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as error:
        raise LabelError(f"{path.name}: not valid TOML ({error})") from error
    try:
        report = LabelledReport(
            path=path, source=str(data["source"]), region=str(data["region"]),
            kind=str(data["kind"]), year=int(data["year"]), split=str(data["split"]))
        if report.split not in SPLITS:
            raise LabelError(f"{path.name}: split must be one of {SPLITS}, not {report.split!r}")
        for position, entry in enumerate(data.get("indicators", []), start=1):
            report.indicators.append(_fact(entry, f"{path.name}, indicator {position}"))
        for entry in data.get("headings", []):
            report.headings.append(LabelledHeading(int(entry["level"]), str(entry["text"])))
    except KeyError as error:
        raise LabelError(f"{path.name}: missing field {error}") from error
    return report


def _fact(entry: dict, where: str) -> LabelledFact:
    fact = LabelledFact(
        name=entry["name"], measure=entry["measure"], kind=entry["kind"],
        period=int(entry["period"]), value=float(entry["value"]), unit=str(entry["unit"]),
        qualifier=str(entry.get("qualifier", "")),
        value_high=float(entry["value_high"]) if "value_high" in entry else None,
        quote=str(entry.get("quote", "")))
    allowed = (("name", KEY_NAMES), ("measure", MEASURES), ("kind", KINDS))
    problems = [f"{field_name} {getattr(fact, field_name)!r}" for field_name, values in allowed
                if getattr(fact, field_name) not in values]
    if problems:
        raise LabelError(f"{where}: unknown {', '.join(problems)}")
    return fact
