#!/bin/sh
# Writes RestLab.desktop beside this script, pointing at this folder's launcher and icon, so that a
# double-click on it starts RestLab; then, unless given --no-menu, copies it into the applications
# menu. The build runs it with --no-menu; run it again after moving or unpacking the folder.
set -eu
here=$(cd "$(dirname "$0")" && pwd -P)
entry="$here/RestLab.desktop"

# Exec= takes the path in double quotes, inside which " ` $ \ are backslash-escaped, and the file
# format then doubles every backslash; Icon= is a plain string, where only a backslash is special.
exec_path=$(printf '%s' "$here/bin/RestLab" | sed -e 's/[\\"`$]/\\&/g' -e 's/\\/\\\\/g')
icon_path=$(printf '%s' "$here/lib/RestLab.png" | sed -e 's/\\/\\\\/g')

cat >"$entry" <<ENTRY
[Desktop Entry]
Type=Application
Version=1.0
Name=RestLab
GenericName=HTTP and REST workbench
Comment=Learn HTTP and REST: a real server, with every request and response shown as curl prints it
Exec="$exec_path"
Icon=$icon_path
Terminal=false
Categories=Development;WebDevelopment;
Keywords=HTTP;REST;curl;API;server;
ENTRY
# File managers start only executable desktop files, and GNOME's desktop icons only trusted ones.
chmod 755 "$entry"
if command -v gio >/dev/null 2>&1; then
  gio set "$entry" metadata::trusted true 2>/dev/null || true # needs a session bus; fine without
fi

if [ "${1:-}" != "--no-menu" ]; then
  apps="${XDG_DATA_HOME:-$HOME/.local/share}/applications"
  mkdir -p "$apps"
  cp "$entry" "$apps/restlab.desktop"
  echo "RestLab is in the applications menu: $apps/restlab.desktop"
fi
