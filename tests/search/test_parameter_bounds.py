"""Parameters the index cannot hold are refused with a 400 that says which, never a 500."""
import pytest

MAX_REPORT_ID = 2**31 - 1  # Whoosh NUMERIC(bits=32): the report_id field of the index

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("url", ["/search/", "/api/search/"])
@pytest.mark.parametrize("report", [MAX_REPORT_ID + 1, 2**62])
def test_a_report_id_beyond_the_32_bit_index_field_is_a_400_naming_it(client, url, report):
    response = client.get(url, {"q": "就业", "report": str(report)})
    assert response.status_code == 400
    body = str(response.json()) if "api" in url else response.content.decode()
    assert f"参数 report 超出范围，已忽略：{report}" in body


def test_the_largest_report_id_the_index_holds_is_searched(client):
    data = client.get("/api/search/", {"q": "就业", "report": str(MAX_REPORT_ID)}).json()
    assert data["count"] == 0 and not any("report" in note for note in data["notes"])
