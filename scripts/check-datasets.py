#!/usr/bin/env python3
"""Loads Spanmark dataset folders with the libraries ML engineers use, and checks them.

    python3 scripts/check-datasets.py DIR [DIR ...]

DIR is a folder written by `spanmark dataset` (or File -> Build dataset...). For each one the
script reads manifest.json and runs, for its format, the real library calls:

  hf, prodigy, spanmark, doccano   datasets.load_dataset(DIR)            (Hugging Face datasets)
  hf                               ner_tags is Sequence(ClassLabel) with the manifest's names
  prodigy                          spacy Doc(vocab, words, spaces).text == text, every span exact
  spacy                            spacy.tokens.DocBin().from_disk(f).get_docs(vocab)
  hf, klue                         seqeval strict IOB2: every sequence valid, entity counts match

Libraries that cannot be imported are named ("could not import spacy") and their checks are
reported as skipped, never as passed. Checks that need only the standard library always run:
the card's YAML header lists the split files and sizes, JSON lines parse, Prodigy tokens give
back the text, KLUE TSV blocks agree with their "## " lines, DocBin bytes decode (with the
msgpack package when it is there). Exit status 1 when any check fails, 0 otherwise.
"""
import hashlib
import json
import os
import sys
import zlib

RESULTS = []  # (folder, format, client, result, detail)
MISSING = {}


def try_import(name):
    try:
        return __import__(name)
    except Exception as err:  # ImportError, or a broken installation
        MISSING[name] = f"{type(err).__name__}: {err}"
        return None


def record(folder, fmt, client, ok, detail=""):
    RESULTS.append((folder, fmt, client, "ok" if ok is True else "skipped" if ok is None else "FAILED", detail))


def card_header(folder):
    """The README.md YAML header as a small dict (the subset Spanmark writes: configs and splits)."""
    text = open(os.path.join(folder, "README.md"), encoding="utf-8").read()
    if not text.startswith("---\n"):
        raise ValueError("README.md has no YAML header")
    header = text[4 : text.index("\n---\n", 4)]
    yaml = try_import("yaml")
    if yaml is not None:
        return yaml.safe_load(header)
    # Without PyYAML: read the two lists Spanmark writes, line by line.
    files, splits, name = [], [], None
    for line in header.split("\n"):
        s = line.strip()
        if s.startswith("- split: "):
            files.append({"split": s[9:].strip('"')})
        elif s.startswith("path: ") and files:
            files[-1]["path"] = s[6:].strip('"')
        elif s.startswith("- name: ") and line.startswith("  - name: "):
            name = s[8:].strip('"')
        elif s.startswith("num_examples: ") and name is not None:
            splits.append({"name": name, "num_examples": int(s[14:])})
            name = None
    return {"configs": [{"config_name": "default", "data_files": files}] if files else None, "dataset_info": {"splits": splits}}


def jsonl(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def check_card(folder, fmt, manifest):
    card = card_header(folder)
    declared = {s["name"]: s["num_examples"] for s in card["dataset_info"]["splits"]}
    want = {name: s["examples"] for name, s in manifest["splits"].items()}
    ok = declared == want and not any(n in declared for n in manifest.get("emptySplits", []))
    if fmt not in ("klue", "spacy"):
        files = {f["split"]: f["path"] for f in (card.get("configs") or [{}])[0].get("data_files", [])}
        ok = ok and files == {n: s["file"] for n, s in manifest["splits"].items()}
    for name, s in manifest["splits"].items():
        ok = ok and os.path.getsize(os.path.join(folder, s["file"])) > 0
    record(folder, fmt, "card (YAML header)", ok, f"splits {declared}")


def check_prodigy_stdlib(folder, fmt, manifest):
    bad = 0
    for s in manifest["splits"].values():
        for task in jsonl(os.path.join(folder, s["file"])):
            text = "".join(t["text"] + (" " if t["ws"] else "") for t in task["tokens"])
            bad += text != task["text"]
            for span in task["spans"]:
                words = task["tokens"][span["token_start"] : span["token_end"] + 1]
                bad += words[0]["start"] != span["start"] or words[-1]["end"] != span["end"]
    record(folder, fmt, "stdlib: tokens rebuild the text", bad == 0, f"{bad} mismatches")


def read_klue(path):
    """KLUE TSV blocks: (id, inline, chars, tags); raises on a malformed block."""
    out = []
    for block in open(path, encoding="utf-8").read().split("\n\n"):
        lines = [l for l in block.split("\n") if l]
        heads = [l for l in lines if l.startswith("## ")]
        rows = [l for l in lines if not l.startswith("##")]
        if not rows:
            continue
        sid, inline = heads[-1][3:].split("\t", 1)
        chars, tags = zip(*(r.rsplit("\t", 1) for r in rows))
        out.append((sid, inline, list(chars), list(tags)))
    return out


def check_klue_stdlib(folder, fmt, manifest):
    n = 0
    for s in manifest["splits"].values():
        n += len(read_klue(os.path.join(folder, s["file"])))
    want = sum(s["examples"] for s in manifest["splits"].values())
    record(folder, fmt, "stdlib: KLUE TSV blocks", n == want, f"{n} sentences")


def check_datasets(folder, fmt, manifest):
    datasets = try_import("datasets")
    if datasets is None:
        return record(folder, fmt, "datasets.load_dataset(DIR)", None, "could not import datasets")
    ds = datasets.load_dataset(folder)
    sizes = {name: ds[name].num_rows for name in ds}
    want = {name: s["examples"] for name, s in manifest["splits"].items()}
    ok = sizes == want
    if fmt == "hf":
        feature = ds[next(iter(ds))].features["ner_tags"]
        names = feature.feature.names if hasattr(feature, "feature") else None
        ok = ok and names == manifest["labels"]["classLabels"]
    record(folder, fmt, "datasets.load_dataset(DIR)", ok, f"splits {sizes}")


def check_spacy_prodigy(folder, fmt, manifest):
    spacy = try_import("spacy")
    if spacy is None:
        return record(folder, fmt, "spaCy Doc(words, spaces)", None, "could not import spacy")
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    vocab, bad = Vocab(), 0
    for s in manifest["splits"].values():
        for task in jsonl(os.path.join(folder, s["file"])):
            doc = Doc(vocab, words=[t["text"] for t in task["tokens"]], spaces=[t["ws"] for t in task["tokens"]])
            bad += doc.text != task["text"]
            for span in task["spans"]:
                sp = doc.char_span(span["start"], span["end"], label=span["label"])
                bad += sp is None or sp.text != task["text"][span["start"] : span["end"]]
    record(folder, fmt, "spaCy Doc(words, spaces)", bad == 0, f"{bad} mismatches")


def check_docbin(folder, fmt, manifest):
    spacy = try_import("spacy")
    texts = set(manifest["sources"].values())
    if spacy is not None:
        from spacy.tokens import DocBin
        from spacy.vocab import Vocab

        bad, spans = 0, 0
        for s in manifest["splits"].values():
            for doc in DocBin().from_disk(os.path.join(folder, s["file"])).get_docs(Vocab()):
                bad += hashlib.sha256(doc.text.encode("utf-8")).hexdigest() not in texts
                group = doc.spans["sc"]
                spans += len(group)
                bad += any(sp.text != doc.text[sp.start_char : sp.end_char] for sp in group)
                bad += any(e.start < p.end for p, e in zip(doc.ents, doc.ents[1:]))
        record(folder, fmt, "spaCy DocBin().from_disk", bad == 0 and spans == manifest["totals"]["spans"], f"{spans} spans in doc.spans['sc']")
    else:
        record(folder, fmt, "spaCy DocBin().from_disk", None, "could not import spacy")
    msgpack = try_import("msgpack")
    if msgpack is None:
        return record(folder, fmt, "msgpack: DocBin bytes", None, "could not import msgpack")
    n = 0
    for s in manifest["splits"].values():
        msg = msgpack.loads(zlib.decompress(open(os.path.join(folder, s["file"]), "rb").read()), raw=False)
        n += len(msg["lengths"]) // 4
        assert msg["attrs"][0] == 65, "ORTH must be the first attribute"
    record(folder, fmt, "msgpack: DocBin bytes", n == manifest["totals"]["documents"], f"{n} docs")


def check_seqeval(folder, fmt, manifest):
    seqeval = try_import("seqeval")
    if seqeval is None:
        return record(folder, fmt, "seqeval strict IOB2", None, "could not import seqeval")
    from seqeval.metrics import f1_score
    from seqeval.metrics.sequence_labeling import get_entities
    from seqeval.scheme import IOB2

    seqs = []
    for s in manifest["splits"].values():
        path = os.path.join(folder, s["file"])
        seqs += [t for (_, _, _, t) in read_klue(path)] if fmt == "klue" else [r["ner_tags"] for r in jsonl(path)]
    entities = sum(len(get_entities(t)) for t in seqs)
    f1 = f1_score(seqs, seqs, mode="strict", scheme=IOB2) if entities else 1.0
    record(folder, fmt, "seqeval strict IOB2", f1 == 1.0 and entities == manifest["totals"]["spans"], f"{entities} entities")


def main(folders):
    for folder in folders:
        manifest = json.load(open(os.path.join(folder, "manifest.json"), encoding="utf-8"))
        fmt = manifest["format"]
        try:
            check_card(folder, fmt, manifest)
            if fmt in ("hf", "prodigy", "spanmark", "doccano"):
                check_datasets(folder, fmt, manifest)
            if fmt == "prodigy":
                check_prodigy_stdlib(folder, fmt, manifest)
                check_spacy_prodigy(folder, fmt, manifest)
            if fmt == "spacy":
                check_docbin(folder, fmt, manifest)
            if fmt == "klue":
                check_klue_stdlib(folder, fmt, manifest)
            if fmt in ("hf", "klue"):
                check_seqeval(folder, fmt, manifest)
        except Exception as err:
            record(folder, fmt, "loading", False, f"{type(err).__name__}: {err}")
    width = max((len(r[2]) for r in RESULTS), default=10)
    print(f"{'format':9} {'client':{width}} result   detail")
    for folder, fmt, client, result, detail in RESULTS:
        print(f"{fmt:9} {client:{width}} {result:8} {detail}  [{os.path.basename(folder.rstrip('/'))}]")
    for name, why in sorted(MISSING.items()):
        print(f"could not import {name} ({why}); its checks are marked skipped")
    return 1 if any(r[3] == "FAILED" for r in RESULTS) else 0


if __name__ == "__main__":
    if len(sys.argv) < 2:
        print(__doc__.strip())
        sys.exit(2)
    sys.exit(main(sys.argv[1:]))
