#!/usr/bin/env python3
"""Writes the fuzzers' seed corpora (Tests/Fuzz/corpus/<target>/) from the string literals in the tests.

The fixtures live in the tests as Swift string literals; this pulls out every multi-line literal
and every single-line literal of some length, undoes Swift's escapes (\\n, \\t, \\u{...}, line
continuations), and writes each as one seed file named by its content hash. Interpolations are
left as written: a seed only has to be a good starting point, not an exact copy.
"""
import glob, hashlib, os, re, sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SOURCES = {
  "date-phrase": ["Tests/JobDeckImportTests/DatePhraseExtractorTests.swift",
                  "Tests/JobDeckImportTests/TextAdFixtures.swift",
                  "Tests/JobDeckImportTests/Text*.swift",
                  "Tests/JobDeckImportTests/RealisticAd*.swift"],
  "text-import": ["Tests/JobDeckImportTests/TextAdFixtures.swift",
                  "Tests/JobDeckImportTests/Text*.swift",
                  "Tests/JobDeckImportTests/RealisticAd*.swift"],
  "html-import": ["Tests/JobDeckImportTests/HTML*.swift", "Tests/JobDeckImportTests/Fetch*.swift"],
  "csv-import": ["Tests/JobDeckImportTests/CSV*.swift"],
  "store-load": ["Tests/JobDeckStoreTests/*.swift", "Resources/demo-store.json"],
  "sanitizer": ["Tests/JobDeckTUITests/TerminalTextTests.swift",
                "Tests/JobDeckTUITests/Snapshots/DetailHostile*.swift",
                "Tests/JobDeckTUITests/Fixtures.swift"],
}
MULTILINE = re.compile(r'#?"""\n(.*?)\n([ \t]*)"""#?', re.S)
SINGLE = re.compile(r'"((?:[^"\\\n]|\\.){12,})"')

def unescape(text):
  def escape(match):
    body = match.group(1)
    if body.startswith("u{"):
      return chr(int(body[2:-1], 16))
    return {"n": "\n", "t": "\t", "r": "\r", "0": "\0", '"': '"', "\\": "\\", "'": "'"}.get(body, "\\" + body)
  text = re.sub(r'\\\n', "", text)
  return re.sub(r'\\(u\{[0-9a-fA-F]+\}|.)', escape, text)

def literals(path):
  source = open(path, encoding="utf-8").read()
  if path.endswith(".json"):
    yield source
    return
  for match in MULTILINE.finditer(source):
    indent = match.group(2)
    lines = [line[len(indent):] if line.startswith(indent) else line.lstrip()
             for line in match.group(1).split("\n")]
    yield unescape("\n".join(lines))
  for match in SINGLE.finditer(source):
    yield unescape(match.group(1))

def main():
  for target, patterns in SOURCES.items():
    folder = os.path.join(ROOT, "Tests", "Fuzz", "corpus", target)
    os.makedirs(folder, exist_ok=True)
    count = 0
    for pattern in patterns:
      for path in sorted(glob.glob(os.path.join(ROOT, pattern))):
        for text in literals(path):
          data = text.encode("utf-8", "surrogatepass")
          name = hashlib.sha1(data).hexdigest()[:16]
          with open(os.path.join(folder, name), "wb") as seed:
            seed.write(data)
          count += 1
    print(f"{target}: {count} seeds", file=sys.stderr)

main()
