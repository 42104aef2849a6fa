from django import forms
from django.conf import settings

from archive.models import Report
from archive.parsing.document import ReportMetadata


class ReportUploadForm(forms.Form):
    """A report file and whatever metadata its header may lack."""

    file = forms.FileField(label="报告文件", help_text="支持 .txt（UTF-8 或 GB18030）、.docx、带文字层的 .pdf")
    region = forms.CharField(label="地区", required=False, max_length=64,
                             help_text="留空则从报告开头识别，如 晋江市、国务院")
    year = forms.IntegerField(label="年度", required=False, min_value=1949, max_value=2100,
                              help_text="报告所部署的年度；留空则由报告日期推算")
    kind = forms.ChoiceField(label="类型", required=False,
                             choices=[("", "自动识别"), *Report.Kind.choices])
    title = forms.CharField(label="标题", required=False, max_length=200)

    def clean_file(self):
        upload = self.cleaned_data["file"]
        limit = settings.ARCHIVE_MAX_UPLOAD_BYTES
        if upload.size > limit:
            raise forms.ValidationError(
                f"文件过大（{upload.size / 1e6:.1f} MB），上限为 {limit / 1e6:.0f} MB。")
        return upload

    def metadata(self) -> ReportMetadata:
        data = self.cleaned_data
        return ReportMetadata(region=data["region"].strip(), year=data["year"],
                              kind=data["kind"], title=data["title"].strip())
