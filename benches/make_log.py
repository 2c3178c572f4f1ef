#!/usr/bin/env python3
"""Writes a deterministic transaction log: customer id, date, amount, quantity.

usage: make_log.py ROWS OUT.csv

With 1,000,000 rows the ids are drawn from 324,000 customers, so about 309,000 appear, as in
issue 9. A fixed linear congruential generator makes every run write the same bytes.
"""
import datetime
import sys


def main() -> None:
    rows = int(sys.argv[1])
    out = sys.argv[2]
    customers = max(1, rows * 324 // 1000)
    state = 7
    start = datetime.date(2025, 1, 1)
    days = [(start + datetime.timedelta(days=d)).isoformat() for d in range(690)]
    with open(out, "w", encoding="utf-8", newline="") as f:
        f.write("customer_id,date,amount,quantity\n")
        lines = []
        for _ in range(rows):
            state = (state * 6364136223846793005 + 1442695040888963407) & 0xFFFFFFFFFFFFFFFF
            r = state >> 33
            cents = (r * 7919) % 10_000_000
            lines.append(f"C{r % customers:07d},{days[(r >> 8) % 690]},{cents // 100}.{cents % 100:02d},{1 + r % 9}\n")
            if len(lines) == 100_000:
                f.writelines(lines)
                lines.clear()
        f.writelines(lines)


if __name__ == "__main__":
    main()
