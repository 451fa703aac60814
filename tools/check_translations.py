#!/usr/bin/env python3
"""Checks Isleview's translations: every message of each .ts file finished (no type="unfinished", no empty
translation or plural form, the same %1..%9 / %n markers as its source), the .ts files in step with the
sources (lupdate over app/ finds no string they lack and none they hold that the sources lost), and every
word of resources/worldviews.json translated in its "translations" block for each .ts language.

  tools/check_translations.py [--lupdate PATH] [--list] resources/translations/isleview_*.ts

Exit 0 when all is well, 1 with the problems listed on stderr. --list only lists what is unfinished.
"""
import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
MARKER = re.compile(r"%(?:\d|n|L\d)")
# How many plural forms each language has in Qt's numerus rules.
PLURALS = {"ja": 1, "ru": 3, "en": 2}


def messages(path):
    """(context, source, comment, message element) for every message of a .ts file."""
    for ctx in ET.parse(path).getroot().iter("context"):
        name = ctx.findtext("name")
        for m in ctx.iter("message"):
            yield name, m.findtext("source") or "", m.findtext("comment") or "", m


def unfinished(path, lang):
    problems = []
    for ctx, src, _, m in messages(path):
        t = m.find("translation")
        where = f"{os.path.basename(path)}: [{ctx}] {src!r}"
        kind = t.get("type") if t is not None else "missing"
        if kind in ("unfinished", "missing", "obsolete", "vanished"):
            problems.append(f"{where}: {kind}")
            continue
        forms = [f.text or "" for f in t.iter("numerusform")] if m.get("numerus") == "yes" else [t.text or ""]
        if m.get("numerus") == "yes" and len(forms) != PLURALS.get(lang, len(forms)):
            problems.append(f"{where}: {len(forms)} plural forms, {lang} has {PLURALS[lang]}")
        for form in forms:
            if not form.strip():
                problems.append(f"{where}: empty translation")
            elif sorted(set(MARKER.findall(form))) != sorted(set(MARKER.findall(src))):
                problems.append(f"{where}: markers {sorted(set(MARKER.findall(form)))} in {form!r}, "
                                f"the source has {sorted(set(MARKER.findall(src)))}")
    return problems


def out_of_step(path, lupdate):
    """Strings lupdate finds in app/ that the .ts lacks, and strings the .ts holds that app/ no longer has."""
    with tempfile.TemporaryDirectory() as tmp:
        fresh = os.path.join(tmp, "fresh.ts")
        run = subprocess.run([lupdate, "-locations", "none", "-no-obsolete", os.path.join(ROOT, "app"), "-ts", fresh],
                             capture_output=True, text=True)
        if run.returncode != 0 or not os.path.exists(fresh):
            return [f"lupdate failed: {run.stderr.strip()}"]
        found = {(c, s, k) for c, s, k, _ in messages(fresh)}
    held = {(c, s, k) for c, s, k, m in messages(path)
            if (m.find("translation") is None or m.find("translation").get("type") not in ("obsolete", "vanished"))}
    name = os.path.basename(path)
    return ([f"{name}: not in the .ts (run tools/translations.sh): [{c}] {s!r}" for c, s, _ in sorted(found - held)] +
            [f"{name}: no longer in the sources (run tools/translations.sh): [{c}] {s!r}" for c, s, _ in sorted(held - found)])


def worldview_words(lang):
    with open(os.path.join(ROOT, "resources", "worldviews.json"), encoding="utf-8") as f:
        w = json.load(f)
    words = []
    for c in w["claims"]:
        words += [c["name"], c["label"], c["legend_claim"], c["legend_border"]]
    d = w["defacto"]
    words += [d["title"], d["line"]] + [a["label"] for a in d["admin"]]
    words += [w["claims_heading"], w["both_claim"]]
    words += [x["name"] for x in w["languages"] + w["scripts"]]
    for x in w["name_choices"] + w["script_choices"]:
        words += [x["label"], x["menu"]]
    have = w.get("translations", {}).get(lang, {})
    return [f"worldviews.json: {word!r} has no {lang} translation" for word in dict.fromkeys(words)
            if not have.get(word, "").strip()]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--lupdate", default=shutil.which("lupdate") or "/usr/lib/qt6/bin/lupdate")
    ap.add_argument("--list", action="store_true", help="only list the unfinished messages")
    ap.add_argument("ts", nargs="+")
    args = ap.parse_args()
    problems = []
    for path in args.ts:
        lang = ET.parse(path).getroot().get("language", "").split("_")[0]
        problems += unfinished(path, lang)
        if not args.list:
            problems += out_of_step(path, args.lupdate) + worldview_words(lang)
    for p in problems:
        print(p, file=sys.stderr)
    if not problems:
        print(f"{len(args.ts)} translation file(s): every message finished" +
              ("" if args.list else ", in step with the sources; worldviews.json translated"))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
