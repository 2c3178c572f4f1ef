#!/usr/bin/env python3
"""The baseline for issue 9: a plain Python csv + dict aggregation of a transaction log.

usage: aggregate_log.py LOG.csv

Per customer: last purchase date, number of purchases and the sum of amounts. It writes
nothing, which is less work than the app's import (which also tiers and saves the scenario).
"""
import csv
import sys


def main() -> None:
    totals = {}
    with open(sys.argv[1], newline="", encoding="utf-8") as f:
        reader = csv.reader(f)
        next(reader)
        for row in reader:
            customer, date, amount = row[0], row[1], float(row[2])
            t = totals.get(customer)
            if t is None:
                totals[customer] = [date, 1, amount]
            else:
                if date > t[0]:
                    t[0] = date
                t[1] += 1
                t[2] += amount
    print(f"{len(totals)} customers", file=sys.stderr)


if __name__ == "__main__":
    main()
