"""Invented clusters for batch/engine tests (our own made-up sentences, not news text)."""
from __future__ import annotations

import json
import random
from pathlib import Path

WORDS = ["thành", "phố", "tổ", "chức", "hội", "nghị", "về", "giao", "thông", "đô", "thị", "năm", "nay", "với", "nhiều", "đại", "biểu", "tham", "dự", "thảo", "luận", "các", "giải", "pháp", "giảm", "ùn", "tắc", "trên", "tuyến", "đường", "chính", "trong", "giờ", "cao", "điểm", "người", "dân", "chính", "quyền", "kế", "hoạch", "mới", "xây", "dựng", "cầu", "vượt", "ngân", "sách", "dự", "án", "hoàn", "thành"]


def cluster_line(index: int, rng: random.Random, sentences: int = 12) -> dict:
    docs = []
    for k in range(3):
        body = [" ".join(rng.choice(WORDS) for _ in range(rng.randint(8, 18))).capitalize() + "."
                for _ in range(sentences)]
        docs.append({"title": f"Bản tin thử {index} số {k}", "raw_text": "\n".join(body)})
    return {"id": f"c{index}", "single_documents": docs}


def write_clusters(path: Path, count: int, *, seed: int = 7, sentences: int = 12, bad_lines: tuple[int, ...] = ()) -> list[str]:
    """Write ``count`` clusters (plus malformed lines after the given positions); return the good ids."""
    rng = random.Random(seed)
    ids = []
    with path.open("w", encoding="utf-8") as out:
        for i in range(count):
            line = cluster_line(i, rng, sentences)
            ids.append(line["id"])
            out.write(json.dumps(line, ensure_ascii=False) + "\n")
            if i in bad_lines:
                out.write("{this is not json\n")
    return ids


def read_output(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
