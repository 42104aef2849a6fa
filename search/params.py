"""The search request as it stands in the URL: the query string is the permalink."""
from __future__ import annotations

from dataclasses import dataclass, field, fields, replace
from urllib.parse import urlencode

from archive.models import Report

SORTS = {"relevance": "相关度", "newest": "年份（新→旧）", "oldest": "年份（旧→新）"}
MAX_PAGE = 500
MAX_REPORT_ID = 2**31 - 1  # the index keeps report ids as 32-bit numbers (search.backend)


@dataclass(frozen=True)
class SearchParams:
    q: str = ""
    year: int | None = None
    year_from: int | None = None
    year_to: int | None = None
    region: str = ""
    kind: str = ""
    report: int | None = None
    sort: str = "relevance"
    page: int = 1
    errors: tuple[str, ...] = field(default=(), compare=False)

    @classmethod
    def from_query(cls, query) -> SearchParams:
        """Read a QueryDict (or dict); what cannot be understood is dropped and named in errors."""
        errors: list[str] = []

        def integer(name, low=1, high=9999):
            raw = (query.get(name) or "").strip()
            if not raw:
                return None
            try:
                value = int(raw)
            except ValueError:
                errors.append(f"参数 {name} 应为整数，已忽略：{raw[:20]}")
                return None
            if not low <= value <= high:
                errors.append(f"参数 {name} 超出范围，已忽略：{value}")
                return None
            return value

        kind = (query.get("kind") or "").strip()
        kind = {label: value for value, label in Report.Kind.choices}.get(kind, kind)  # 解读 too
        if kind and kind not in Report.Kind.values:
            errors.append(f"未知的报告类型，已忽略：{kind[:20]}")
            kind = ""
        sort = (query.get("sort") or "relevance").strip().lower()
        if sort not in SORTS:
            errors.append(f"未知的排序方式，已忽略：{sort[:20]}")
            sort = "relevance"
        return cls(
            q=query.get("q") or "",
            year=integer("year"), year_from=integer("year_from"), year_to=integer("year_to"),
            region=(query.get("region") or "").strip()[:64], kind=kind,
            report=integer("report", high=MAX_REPORT_ID), sort=sort,
            page=integer("page", high=MAX_PAGE) or 1, errors=tuple(errors))

    def with_changes(self, **changes) -> SearchParams:
        return replace(self, **changes)

    def urlencode(self, **changes) -> str:
        """This search with some parameters changed, as a query string (page resets to 1)."""
        params = replace(self, **{"page": 1, **changes})
        pairs = []
        for item in fields(params):
            value = getattr(params, item.name)
            if item.name == "errors" or value in ("", None):
                continue
            if (item.name, value) in (("sort", "relevance"), ("page", 1)):
                continue
            pairs.append((item.name, value))
        return urlencode(pairs)

    @property
    def is_filtered(self) -> bool:
        return any([self.year, self.year_from, self.year_to, self.region, self.kind, self.report])
