#!/usr/bin/env bash
# Builds the documentation site into target/site: MkDocs (Material) in strict mode, so a broken link to a page fails,
# with the javadoc of the published artifacts beside it (target/site/javadoc/<artifact>/), then checks every internal
# link and anchor of the built site (.ci/check-site-links.py). Needs the javadoc jars: run after `mvn verify` (or
# `mvn package`). Debian packages: mkdocs, mkdocs-material.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

command -v mkdocs >/dev/null || { echo "build-site: mkdocs is not installed (Debian: mkdocs mkdocs-material)" >&2; exit 1; }

# the javadoc goes into docs/javadoc (not committed) so that MkDocs copies it and checks the links to it
rm -rf docs/javadoc && mkdir -p docs/javadoc
{
    echo '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>dhcp-embedded API reference</title></head>'
    echo '<body><h1>dhcp-embedded API reference</h1><ul>'
} > docs/javadoc/index.html
for module in dhcp-embedded:dhcp-embedded junit-extension:dhcp-embedded-junit testcontainers:dhcp-embedded-testcontainers \
              lab:dhcp-embedded-lab; do
    dir="${module%%:*}"; artifact="${module##*:}"
    jar="$(ls "$dir"/target/"$artifact"-*-javadoc.jar 2>/dev/null | head -1)"
    [ -n "$jar" ] || { echo "build-site: no javadoc jar in $dir/target: run mvn package first" >&2; exit 1; }
    mkdir -p "docs/javadoc/$artifact"
    (cd "docs/javadoc/$artifact" && unzip -q -o "$ROOT/$jar" -x 'META-INF/*')
    echo "<li><a href=\"$artifact/index.html\">$artifact</a></li>" >> docs/javadoc/index.html
done
echo '</ul></body></html>' >> docs/javadoc/index.html

rm -rf target/site
mkdocs build --strict --quiet -f mkdocs.yml
python3 "$ROOT/.ci/check-site-links.py" target/site
echo "build-site: target/site/index.html"
