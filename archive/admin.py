"""Staff add reports by uploading a file; the parsed result is shown for correction."""
from django.contrib import admin, messages
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html

from archive.forms import ReportChangeForm, ReportUploadForm
from archive.importing import UNCHANGED, ImportRefused, import_report, reparse_report
from archive.models import Indicator, Report, Section
from archive.signals import StoreBlocked, report_stored


class SectionInline(admin.TabularInline):
    model = Section
    fields = ("order", "display_heading", "level", "anchor", "text_length")
    readonly_fields = fields
    extra = 0
    can_delete = False
    show_change_link = False
    verbose_name_plural = "章节（解析结果，只读）"

    def has_add_permission(self, request, obj=None):
        return False

    @admin.display(description="标题")
    def display_heading(self, section):
        return section.display_heading

    @admin.display(description="字数")
    def text_length(self, section):
        return len(section.text)


class IndicatorInline(admin.TabularInline):
    model = Indicator
    fields = ("name", "measure", "kind", "period_year", "value", "value_high", "unit",
              "qualifier", "sentence")
    extra = 0
    verbose_name_plural = "指标（可更正）"


@admin.register(Report)
class ReportAdmin(admin.ModelAdmin):
    form = ReportChangeForm
    list_display = ("title", "region", "year", "kind", "delivered_on", "section_count",
                    "indicator_count", "updated_at")
    list_filter = ("kind", "year", "region")
    search_fields = ("title", "region", "speaker")
    readonly_fields = ("source_file", "source_name", "content_hash", "created_at", "updated_at")
    exclude = ("text",)
    inlines = [SectionInline, IndicatorInline]
    actions = ["reparse"]

    @admin.display(description="章节数")
    def section_count(self, report):
        return report.sections.count()

    @admin.display(description="指标数")
    def indicator_count(self, report):
        return report.indicators.count()

    def save_related(self, request, form, formsets, change):
        """Metadata edits reach the search index in the same transaction."""
        super().save_related(request, form, formsets, change)
        report_stored.send(sender=Report, report=form.instance)

    def get_urls(self):
        upload = path("upload/", self.admin_site.admin_view(self.upload_view),
                      name="archive_report_upload")
        return [upload, *super().get_urls()]

    def delete_view(self, request, object_id, extra_context=None):
        """A deletion the search index cannot follow is undone and says why, not a 500."""
        try:
            return super().delete_view(request, object_id, extra_context)
        except StoreBlocked as error:
            self.message_user(request, f"未能删除：{error}", messages.ERROR)
            return redirect("admin:archive_report_change", object_id)

    def add_view(self, request, form_url="", extra_context=None):
        """Reports are added by uploading a file, never typed in."""
        return redirect("admin:archive_report_upload")

    def upload_view(self, request):
        if not self.has_add_permission(request):
            return redirect("admin:index")
        # Bound on every POST, even an empty one: Django drops a file part without a name.
        form = (ReportUploadForm(request.POST, request.FILES) if request.method == "POST"
                else ReportUploadForm())
        if form.is_valid():
            upload = form.cleaned_data["file"]
            try:
                outcome = import_report(upload.read(), upload.name, form.metadata())
            except ImportRefused as error:
                form.add_error("file", f"未能导入：{error}")  # reading errors begin with the name
            else:
                report = outcome.report
                if outcome.status == UNCHANGED:
                    messages.warning(request, format_html(
                        '相同内容的报告已在库中，未重复导入：<a href="{}">{}</a>。'
                        "如需更正，请在下方修改。", report.get_absolute_url(), report))
                else:
                    messages.success(
                        request, f"已导入 {report}：{report.sections.count()} 个章节，"
                                 f"{report.indicators.count()} 个指标。请核对下方解析结果。")
                return redirect(reverse("admin:archive_report_change", args=[report.pk]))
        context = {
            **self.admin_site.each_context(request),
            "title": "上传报告",
            "form": form,
            "opts": self.model._meta,
        }
        return TemplateResponse(request, "admin/archive/report/upload.html", context)

    @admin.action(description="按原始文件重新解析所选报告（会覆盖对指标的修改）")
    def reparse(self, request, queryset):
        for report in queryset:
            try:
                reparse_report(report)
            except ImportRefused as error:
                self.message_user(request, f"{report}：{error}", messages.ERROR)
            except FileNotFoundError:
                self.message_user(request, f"{report}：原始文件缺失，无法重新解析", messages.ERROR)
            else:
                self.message_user(request, f"已重新解析 {report}", messages.SUCCESS)
