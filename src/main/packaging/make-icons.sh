#!/usr/bin/env bash
# Draws RestLab's icon and writes it in each desktop's format; the outputs are committed, so the
# build needs none of these tools. Run again only to change the icon.
# Needs ImageMagick (convert) and icnsutils (png2icns): apt-get install imagemagick icnsutils
set -euo pipefail
cd "$(dirname "$0")"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Two arrows (a request out, a response back) over "REST", on a two-tone rounded square.
draw() { # size output
  local s=$1 out=$2
  convert -size 256x256 xc:none \
    -fill '#0b5e6b' -draw 'roundrectangle 8,8 247,247 44,44' \
    -fill '#12a3a8' -draw 'roundrectangle 8,8 247,160 44,44' \
    -fill '#0b5e6b' -draw 'rectangle 8,120 247,160' \
    -font DejaVu-Sans-Bold -fill white -pointsize 120 -gravity center -annotate +0-28 '⇄' \
    -font DejaVu-Sans-Mono-Bold -pointsize 54 -annotate +0+78 'REST' \
    -resize "${s}x${s}" -depth 8 "PNG32:$out"
}

draw 256 linux/restlab.png                       # jpackage --icon on Linux, and the .desktop Icon
for s in 16 32 48 128 256; do draw "$s" "$work/icon-$s.png"; done
convert "$work"/icon-{16,32,48,256}.png windows/restlab.ico           # jpackage --icon on Windows
png2icns macos/restlab.icns "$work"/icon-{16,32,48,128,256}.png >/dev/null   # ... on macOS
