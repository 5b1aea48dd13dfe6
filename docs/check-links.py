#!/usr/bin/env python3
"""Checks the relative links of README.md and docs/*.md: every `](file)`, `](file#anchor)` and `](#anchor)` must name
an existing file and, for an anchor, a heading of that file (GitHub's rules: lower case, punctuation removed, spaces
as '-', a repeated heading numbered -1, -2...). Links to other sites are not followed.

Usage: python3 docs/check-links.py   (from the top of the repository; exit code 1 when a link is broken)
"""
import os
import re
import sys

LINK = re.compile(r'\]\(([^)\s]+)\)')
HEADING = re.compile(r'^(#{1,6})\s+(.*?)\s*#*\s*$')
FENCE = re.compile(r'^\s*(```|~~~)')


def anchors(path):
    """The anchors GitHub makes for the headings of a Markdown file."""
    seen = {}
    result = set()
    in_fence = False
    with open(path, encoding='utf-8') as f:
        for line in f:
            if FENCE.match(line):
                in_fence = not in_fence
                continue
            if in_fence:
                continue
            m = HEADING.match(line)
            if not m:
                continue
            text = m.group(2)
            text = re.sub(r'\[([^\]]*)\]\([^)]*\)', r'\1', text)  # a link in a heading counts by its text
            slug = text.strip().lower()
            slug = re.sub(r'[^\w\- ]', '', slug)  # keeps letters (accented too), digits, '_', '-' and spaces
            slug = slug.replace(' ', '-')
            n = seen.get(slug, 0)
            seen[slug] = n + 1
            result.add(slug if n == 0 else f'{slug}-{n}')
    return result


def links(path):
    in_fence = False
    with open(path, encoding='utf-8') as f:
        for number, line in enumerate(f, 1):
            if FENCE.match(line):
                in_fence = not in_fence
                continue
            if in_fence:
                continue
            for m in LINK.finditer(line):
                yield number, m.group(1)


def main():
    files = ['README.md'] + sorted(os.path.join('docs', n) for n in os.listdir('docs') if n.endswith('.md'))
    cache = {}
    broken = 0
    checked = 0
    for source in files:
        for number, target in links(source):
            if re.match(r'^[a-z][a-z0-9+.-]*:', target):  # http:, https:, mailto:
                continue
            checked += 1
            path, _, anchor = target.partition('#')
            resolved = os.path.normpath(os.path.join(os.path.dirname(source), path)) if path else source
            if not os.path.exists(resolved):
                print(f'{source}:{number}: {target}: no file {resolved}')
                broken += 1
                continue
            if anchor:
                if not resolved.endswith('.md'):
                    print(f'{source}:{number}: {target}: an anchor into a file that is not Markdown')
                    broken += 1
                    continue
                if resolved not in cache:
                    cache[resolved] = anchors(resolved)
                if anchor not in cache[resolved]:
                    print(f'{source}:{number}: {target}: no heading #{anchor} in {resolved}')
                    broken += 1
    print(f'{checked} relative links checked in {len(files)} files, {broken} broken')
    return 1 if broken else 0


if __name__ == '__main__':
    sys.exit(main())
