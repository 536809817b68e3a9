"""Write the sample residents' needs table: a synthetic questionnaire and 12345 export, GBK, Chinese free text.

One row per response or per counted opinion (人数), for the 12 synthetic communities of sample.gpkg: placed by
community id, by name, or by a hotline-style address that contains the name. Dates come in the formats bureaus
mix (2025-03-01, 2025/3/1, 2025年3月1日, Excel date numbers); priorities as 紧急/一般/以后; the lists are the
three-colour lists of Ningbo's Dazha community (红/黄/蓝). Some texts name no facility (停车, 噪音, 电梯) and stay
unclassified; one row names a community that does not exist and one has an unreadable date, so the import's
row reports have something to show. Reproducible (seed 14); every row says it is synthetic in 数据说明.
"""

from __future__ import annotations

import argparse
import csv
import random
import sqlite3
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "resources" / "sample" / "sample.gpkg"
OUTPUT = ROOT / "resources" / "sample" / "haidian_needs_synthetic_gbk.csv"
SEED = 14
NOTE = "合成示例数据（make_needs_sample.py，种子 14）"
HEADER = ["编号", "提交时间", "社区", "诉求内容", "人数", "清单", "紧急程度", "数据说明"]
#: (free text, list) — what residents say, in their words
PHRASES = [
    ("楼下没有早餐店，上班只能饿着", "黄色清单"),
    ("希望增加菜市场", "黄色清单"),
    ("买菜要走二十多分钟", "黄色清单"),
    ("老人吃饭难，希望办老年食堂", "红色清单"),
    ("独居老人希望有助餐服务", "红色清单"),
    ("希望社区有日间照料中心", "红色清单"),
    ("居家养老服务站离家太远", "红色清单"),
    ("看病要跑大医院，希望有社区卫生服务站", "黄色清单"),
    ("附近没有药店", "黄色清单"),
    ("孩子没人看，希望有托育点", "黄色清单"),
    ("快递取件不方便，希望多放快递柜", "蓝色清单"),
    ("物业能不能引进家政服务", "蓝色清单"),
    ("小区缺少健身场所", "黄色清单"),
    ("希望修个小公园散步", "黄色清单"),
    ("理发店太少", "蓝色清单"),
    ("附近缺便利店", "蓝色清单"),
    ("停车难，晚上没有车位", "蓝色清单"),
    ("楼道灯坏了没人修", "蓝色清单"),
    ("希望加装电梯", "红色清单"),
    ("广场舞噪音太大", "蓝色清单"),
]
#: how often each phrase is drawn: food and elderly care are what the sample's residents ask for most
WEIGHTS = [6, 6, 4, 7, 4, 3, 3, 4, 3, 3, 3, 2, 2, 2, 1, 2, 4, 2, 2, 1]
PRIORITIES = ["紧急", "一般", "一般", "以后", ""]
ROWS = 160


def _date_text(rng: random.Random, day: date) -> str:
    """The date as one of the formats a bureau's sheets mix."""
    style = rng.randrange(4)
    if style == 0:
        return day.isoformat()
    if style == 1:
        return f"{day.year}/{day.month}/{day.day}"
    if style == 2:
        return f"{day.year}年{day.month}月{day.day}日"
    return str((day - date(1899, 12, 30)).days)  # an Excel date number, as a CSV saved from Excel keeps it


def _place(rng: random.Random, community_id: str, name: str) -> str:
    """The community as the row gives it: its id, its name, or a hotline address containing the name."""
    style = rng.randrange(3)
    if style == 0:
        return community_id
    if style == 1:
        return name
    return f"北京市海淀区{name}{rng.randint(1, 12)}号楼{rng.randint(1, 4)}单元"


def rows(seed: int = SEED) -> list[list[str]]:
    """Every data row, reproducibly from `seed`."""
    rng = random.Random(seed)
    with sqlite3.connect(SAMPLE) as connection:
        communities = connection.execute("SELECT community_id, name FROM communities ORDER BY community_id").fetchall()
    result = []
    start = date(2025, 3, 1)
    for number in range(1, ROWS + 1):
        community_id, name = rng.choice(communities)
        text, need_list = rng.choices(PHRASES, weights=WEIGHTS)[0]
        day = start + timedelta(days=rng.randrange(90))
        count = str(rng.choice([1, 1, 1, 2, 3, 5, 8]))
        result.append(
            [
                f"XQ{number:04d}",
                _date_text(rng, day),
                _place(rng, community_id, name),
                text,
                count,
                need_list,
                rng.choice(PRIORITIES),
                NOTE,
            ]
        )
    result[40][2] = "示例社区99"  # no such community: reported by row number
    result[77][1] = "三月初"  # not a date: reported, the need kept
    return result


def main() -> None:
    """Write the table (GBK, as Excel saves CSV on Chinese Windows)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", type=Path, default=OUTPUT)
    arguments = parser.parse_args()
    with arguments.output.open("w", encoding="gbk", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADER)
        writer.writerows(rows())
    print(f"wrote {arguments.output}")


if __name__ == "__main__":
    main()
