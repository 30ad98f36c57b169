#!/usr/bin/env python3
"""Counts the tests tagged "bwrap" (they need bubblewrap) that ran and that were skipped, from the
sources (@Tag("bwrap") on a class or a method) and the Surefire reports of the last build."""
import glob
import os
import re
import sys
import xml.etree.ElementTree as ET

root = sys.argv[1] if len(sys.argv) > 1 else "."
classes, methods = set(), set()
for path in glob.glob(os.path.join(root, "*", "src", "test", "java", "**", "*.java"), recursive=True):
    text = open(path, encoding="utf-8").read()
    if '@Tag("bwrap")' not in text:
        continue
    package = re.search(r"^package ([\w.]+);", text, re.M).group(1)
    name = os.path.splitext(os.path.basename(path))[0]
    fqcn = package + "." + name
    if re.search(r'@Tag\("bwrap"\)\s*(?:@\w+(?:\([^)]*\))?\s*)*(?:public\s+)?(?:final\s+)?class\s', text):
        classes.add(fqcn)
    for m in re.finditer(r'@Tag\("bwrap"\)\s*(?:@\w+(?:\([^)]*\))?\s*)*void\s+(\w+)', text):
        methods.add((fqcn, m.group(1)))
ran = skipped = 0
for report in glob.glob(os.path.join(root, "*", "target", "surefire-reports", "TEST-*.xml")):
    for case in ET.parse(report).getroot().iter("testcase"):
        key = (case.get("classname"), case.get("name").split("(")[0])
        if key[0] in classes or key in methods:
            if case.find("skipped") is not None:
                skipped += 1
            else:
                ran += 1
print(f"bubblewrap tests: {ran} ran, {skipped} skipped"
      + ("" if skipped == 0 else " (install bubblewrap to run them: sudo apt-get install bubblewrap)"))
