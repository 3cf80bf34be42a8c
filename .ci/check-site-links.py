#!/usr/bin/env python3
"""Checks every internal link of a built site: the file it points at exists, and so does its #anchor (an id or a
name in that file). Links into the javadoc are checked for their file only; javadoc's own pages are not crawled."""
import html.parser
import os
import sys
import urllib.parse


class Page(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.ids, self.links = set(), []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        for key in ("id", "name"):
            if a.get(key):
                self.ids.add(a[key])
        if tag == "a" and a.get("href"):
            self.links.append(a["href"])


def parse(path, cache={}):
    if path not in cache:
        page = Page()
        with open(path, encoding="utf-8", errors="replace") as f:
            page.feed(f.read())
        cache[path] = page
    return cache[path]


def main(site):
    problems = []
    for folder, dirs, files in os.walk(site):
        dirs[:] = [d for d in dirs if not os.path.relpath(os.path.join(folder, d), site).startswith("javadoc")]
        for name in files:
            if not name.endswith(".html"):
                continue
            source = os.path.join(folder, name)
            for href in parse(source).links:
                url = urllib.parse.urlparse(href)
                if url.scheme or url.netloc or href.startswith(("mailto:", "javascript:")):
                    continue
                target = source if not url.path else os.path.normpath(
                    os.path.join(site, url.path.lstrip("/")) if url.path.startswith("/")
                    else os.path.join(folder, urllib.parse.unquote(url.path)))
                if os.path.isdir(target):
                    target = os.path.join(target, "index.html")
                where = os.path.relpath(source, site)
                if not os.path.exists(target):
                    problems.append(f"{where}: link to a missing file: {href}")
                elif url.fragment and target.endswith(".html") and "/javadoc/" not in target \
                        and url.fragment not in parse(target).ids:
                    problems.append(f"{where}: link to a missing anchor: {href}")
    for p in problems:
        print(p, file=sys.stderr)
    print(f"check-site-links: {len(problems)} broken link(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
