"""Reports, their heading tree and the numbers they state."""
from django.db import models
from django.urls import reverse

from archive import sentences
from archive.parsing import document


def source_upload_path(report, filename):
    """Original files sit by region and year: reports/2025/晋江市/<file name>."""
    return f"reports/{report.year}/{report.region}/{filename}"


class Report(models.Model):
    class Kind(models.TextChoices):
        WORK_REPORT = document.WORK_REPORT, document.KINDS[document.WORK_REPORT]
        BUDGET_REPORT = document.BUDGET_REPORT, document.KINDS[document.BUDGET_REPORT]
        INTERPRETATION = document.INTERPRETATION, document.KINDS[document.INTERPRETATION]
        HIGHLIGHTS = document.HIGHLIGHTS, document.KINDS[document.HIGHLIGHTS]
        OTHER = document.OTHER, document.KINDS[document.OTHER]

    region = models.CharField("地区", max_length=64, db_index=True,
                              help_text="全称，如 晋江市、广东省；国务院的报告记为 国务院")
    year = models.PositiveSmallIntegerField(
        "年度", db_index=True, help_text="报告所部署的年度：2024年12月30日所作的报告为2025年度报告")
    kind = models.CharField("类型", max_length=20, choices=Kind.choices, default=Kind.WORK_REPORT)
    title = models.CharField("标题", max_length=200)
    delivered_on = models.DateField("报告日期", null=True, blank=True)
    meeting = models.CharField("会议", max_length=200, blank=True)
    speaker = models.CharField("报告人", max_length=64, blank=True)
    office = models.CharField("职务", max_length=128, blank=True)
    text = models.TextField("全文", help_text="清理后的全文")
    source_file = models.FileField("原始文件", upload_to=source_upload_path, blank=True)
    source_name = models.CharField("原始文件名", max_length=255, blank=True)
    content_hash = models.CharField("内容哈希", max_length=64, db_index=True,
                                    help_text="原始文件的 SHA-256")
    created_at = models.DateTimeField("入库时间", auto_now_add=True)
    updated_at = models.DateTimeField("更新时间", auto_now=True)

    class Meta:
        verbose_name = "报告"
        verbose_name_plural = "报告"
        ordering = ["-year", "region", "kind", "title"]
        constraints = [
            models.UniqueConstraint(fields=["region", "year", "kind", "title"],
                                    name="unique_report_per_region_year_kind_title"),
        ]

    def __str__(self):
        return f"{self.year}年 {self.region} {self.title}"

    @property
    def full_title(self):
        """The title with the year and region it leaves out: 政府工作报告 → 2025年国务院政府工作报告."""
        year = "" if str(self.year) in self.title else f"{self.year}年"
        region = "" if self.region[:2] in self.title else self.region
        return f"{year}{region}{self.title}"

    def get_absolute_url(self):
        return reverse("archive:report", args=[self.pk])


class Section(models.Model):
    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="sections")
    parent = models.ForeignKey("self", on_delete=models.CASCADE, null=True, blank=True,
                               related_name="children")
    order = models.PositiveIntegerField("顺序", help_text="在全文中的位置，从 0 开始")
    level = models.PositiveSmallIntegerField("层级")
    label = models.CharField("序号", max_length=16, blank=True, help_text="如 一、（一）、1")
    style = models.CharField("标题样式", max_length=16, blank=True)
    heading = models.CharField("标题", max_length=500, blank=True)
    text = models.TextField("正文", blank=True)
    anchor = models.CharField("锚点", max_length=64, help_text="永久链接用的片段，如 s2-3-1")

    class Meta:
        verbose_name = "章节"
        verbose_name_plural = "章节"
        ordering = ["report", "order"]
        constraints = [
            models.UniqueConstraint(fields=["report", "order"], name="unique_section_order"),
            models.UniqueConstraint(fields=["report", "anchor"], name="unique_section_anchor"),
        ]

    def __str__(self):
        return self.display_heading

    @property
    def display_heading(self):
        """The heading as a reader sees it: 二、2025年工作安排, （三）…"""
        if self.style == document.PREAMBLE_STYLE:
            return "开篇"
        if not self.label:
            return self.heading
        template = {"chinese": "{}、{}", "paren": "（{}）{}", "arabic": "{}. {}", "shi": "{}是{}",
                    "ordinal": "第{}，{}"}.get(
            self.style, "{} {}")
        return template.format(self.label, self.heading)

    def get_absolute_url(self):
        return f"{self.report.get_absolute_url()}#{self.anchor}"


class Indicator(models.Model):
    class Measure(models.TextChoices):
        GROWTH = document.GROWTH, "增速"
        LEVEL = document.LEVEL, "总量"

    class Kind(models.TextChoices):
        TARGET = document.TARGET, "预期目标"
        ACTUAL = document.ACTUAL, "实际完成"

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="indicators")
    section = models.ForeignKey(Section, on_delete=models.SET_NULL, null=True, blank=True,
                                related_name="indicators")
    name = models.CharField("指标", max_length=64, db_index=True)
    measure = models.CharField("口径", max_length=10, choices=Measure.choices)
    value = models.FloatField("数值")
    value_high = models.FloatField("区间上限", null=True, blank=True)
    unit = models.CharField("单位", max_length=16, blank=True)
    qualifier = models.CharField("限定", max_length=8, blank=True,
                                 help_text="左右、以上、以内、range（区间）等")
    kind = models.CharField("类别", max_length=10, choices=Kind.choices)
    period_year = models.PositiveSmallIntegerField("所指年度", db_index=True)
    sentence = models.TextField("原句")
    order = models.PositiveIntegerField("顺序", default=0)

    class Meta:
        verbose_name = "指标"
        verbose_name_plural = "指标"
        ordering = ["report", "order"]

    def __str__(self):
        return f"{self.name} {self.period_year} {self.get_kind_display()} {self.display_value}"

    @property
    def source_anchor(self):
        """The fragment of the sentence this number was read from (its section's if not found)."""
        if self.section is None:
            return ""
        return sentences.anchor_of(self.section.anchor, self.section.text, self.sentence)

    def get_absolute_url(self):
        """The report page at this number's sentence, marked there by :target."""
        anchor = self.source_anchor
        return self.report.get_absolute_url() + (f"#{anchor}" if anchor else "")

    @property
    def display_value(self):
        def number(value):
            return f"{value:g}"

        if self.value_high is not None:
            text = f"{number(self.value)}{self.unit}－{number(self.value_high)}{self.unit}"
        else:
            text = f"{number(self.value)}{self.unit}"
        if self.qualifier and self.qualifier != "range":
            text += self.qualifier
        return text
