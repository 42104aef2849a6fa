"""The level of a region: the State Council, a province-level region, or a city or county.

A ranking of "every region's target" is the 31 provinces' table newspapers compile; a city's
report (晋江市) belongs in a table of its own kind. Regions are stored as their reports name
them, in full (广西壮族自治区) or short (广西), so a province-level region is one of the 31 short
names, alone or with its ending.
"""
NATIONAL, PROVINCIAL, LOCAL = "national", "provincial", "local"
LEVEL_LABELS = {PROVINCIAL: "省级", LOCAL: "市县"}

STATE_COUNCIL = "国务院"
MUNICIPALITIES = ("北京", "天津", "上海", "重庆")
PROVINCES = ("河北", "山西", "辽宁", "吉林", "黑龙江", "江苏", "浙江", "安徽", "福建", "江西", "山东",
             "河南", "湖北", "湖南", "广东", "海南", "四川", "贵州", "云南", "陕西", "甘肃", "青海")
AUTONOMOUS = {"内蒙古": "自治区", "广西": "壮族自治区", "西藏": "自治区", "宁夏": "回族自治区",
              "新疆": "维吾尔自治区"}
# Each short name alone or with its own ending: 吉林省 is a province, 吉林市 a city in it.
_PROVINCE_NAMES = frozenset(
    [*MUNICIPALITIES, *(name + "市" for name in MUNICIPALITIES), *PROVINCES,
     *(name + "省" for name in PROVINCES), *AUTONOMOUS, *(name + end for name, end in AUTONOMOUS.items())])


def level_of(region: str) -> str:
    if region == STATE_COUNCIL:
        return NATIONAL
    return PROVINCIAL if region in _PROVINCE_NAMES else LOCAL
