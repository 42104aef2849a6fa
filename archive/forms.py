from django import forms
from django.conf import settings

from archive.importing import UnusableMetadata, check_region, too_large
from archive.models import Report
from archive.parsing.document import ReportMetadata

NO_FILE = "没有收到文件：请选择一个报告文件（文件名不能为空）后再上传。"


def no_nul(label: str) -> dict:
    """Django's own Chinese for this error reads "empty strings are not allowed"."""
    return {"null_characters_not_allowed": f"{label}不能包含空字符（\\x00），请删去后再上传。"}


def validate_region(value: str) -> None:
    try:
        check_region(value)
    except UnusableMetadata as error:
        raise forms.ValidationError(str(error)) from error


class ReportUploadForm(forms.Form):
    """A report file and whatever metadata its header may lack."""

    file = forms.FileField(
        label="报告文件", help_text="支持 .txt（UTF-8、GB18030 或 UTF-16）、.docx、带文字层的 .pdf",
        error_messages={"required": NO_FILE, "missing": NO_FILE, "invalid": NO_FILE,
                        "empty": "空文件（0 字节）：请选择有内容的报告文件。"})
    region = forms.CharField(label="地区", required=False, max_length=64,
                             validators=[validate_region], error_messages=no_nul("地区名称"),
                             help_text="留空则从报告开头识别，如 晋江市、国务院")
    year = forms.IntegerField(label="年度", required=False, min_value=1949, max_value=2100,
                              help_text="报告所部署的年度；留空则由报告日期推算")
    kind = forms.ChoiceField(label="类型", required=False,
                             choices=[("", "自动识别"), *Report.Kind.choices])
    title = forms.CharField(label="标题", required=False, max_length=200,
                            error_messages=no_nul("标题"))

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > settings.ARCHIVE_MAX_UPLOAD_BYTES:
            raise forms.ValidationError(f"{too_large(upload.size)}；请拆分文件或另存为 .txt 后再上传。")
        return upload

    def metadata(self) -> ReportMetadata:
        data = self.cleaned_data
        return ReportMetadata(region=data["region"].strip(), year=data["year"],
                              kind=data["kind"], title=data["title"].strip())


class ReportChangeForm(forms.ModelForm):
    """The admin's change form: a corrected region must still work as a folder and a URL."""

    class Meta:
        model = Report
        fields = "__all__"

    def clean_region(self):
        region = self.cleaned_data["region"]
        validate_region(region)
        return region
