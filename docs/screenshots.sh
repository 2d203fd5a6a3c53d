#!/usr/bin/env bash
# Makes the README's screenshots of the real window under Xvfb: the handout's curl session
# against a fresh RestLab, with one exchange selected, in the light and the dark theme, in
# presentation mode, and the Lab tab. On a busy machine give it time: SETTLE=4 docs/screenshots.sh
# Needs: Xvfb, xdotool, imagemagick (apt-get install -y xvfb xdotool imagemagick libgtk-3-0).
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f target/restlab.jar ] || mvn -B -q package -DskipTests

DISPLAY_NUM=${DISPLAY_NUM:-:93}
PORT=${PORT:-5093}
BASE=http://127.0.0.1:$PORT
Xvfb "$DISPLAY_NUM" -screen 0 1280x800x24 >/dev/null 2>&1 &
XVFB=$!
export DISPLAY=$DISPLAY_NUM
java -jar target/restlab.jar --port "$PORT" --in-memory >/dev/null 2>&1 &
APP=$!
trap 'kill $APP $XVFB 2>/dev/null || true' EXIT

# A loaded machine may take a while to show the window: wait for it, then for its server.
SETTLE=${SETTLE:-1}
window=$(xdotool search --sync --name '^RestLab$' | head -n 1)
for _ in $(seq 1 300); do curl -s -o /dev/null "$BASE/" && break; sleep 0.2; done
sleep "$SETTLE" # let the first paint settle

# The handout's session, as a student would type it.
curl -s -o /dev/null "$BASE/"
curl -s -o /dev/null -X POST -H "Content-Type: application/json" \
  -d '{"name": "John", "email": "john@example.com"}' "$BASE/people/v1/users"
curl -s -o /dev/null -X POST -H "Content-Type: application/json" \
  -d '{"name": "Ann", "email": "ann@example.com"}' "$BASE/people/v1/users"
curl -s -o /dev/null "$BASE/people/v1/users?name=John"
curl -s -o /dev/null -X POST -d 'name=Zoe' "$BASE/people/v1/users"
sleep "$SETTLE"

xdotool windowactivate --sync "$window" 2>/dev/null || true
# Click the row of the filter request (the fourth data row of the traffic table).
row_y=${ROW_Y:-318}
xdotool mousemove --window "$window" 900 "$row_y" click 1
sleep "$SETTLE"
import -window root docs/restlab-light.png

xdotool key --window "$window" ctrl+d
sleep "$SETTLE"
import -window root docs/restlab-dark.png

# Presentation mode (F11), as a class sees it on the projector; Esc returns.
xdotool key --window "$window" F11
sleep "$SETTLE"
import -window root docs/restlab-present.png
xdotool key --window "$window" Escape
sleep "$SETTLE"

# The Lab tab (the fourth tab), back in the light theme: the session above ticked its first steps.
xdotool key --window "$window" ctrl+d
lab_tab_x=${LAB_TAB_X:-794}
xdotool mousemove --window "$window" "$lab_tab_x" 109 click 1
sleep "$SETTLE"
import -window root docs/restlab-lab.png

# The Diagram tab (the second tab) on the handout's POST, GET, DELETE and GET again from curl, a
# student's pauses between them. The traffic list is cleared first and shows other clients only,
# and the users pane is folded away so that the drawing has the window's width.
traffic_tab_x=${TRAFFIC_TAB_X:-524}
diagram_tab_x=${DIAGRAM_TAB_X:-604}
own_checkbox_x=${OWN_CHECKBOX_X:-845}
users_divider_x=${USERS_DIVIDER_X:-486}
show_sequence_x=${SHOW_SEQUENCE_X:-910}
show_waterfall_x=${SHOW_WATERFALL_X:-996}
dark_button_x=${DARK_BUTTON_X:-1238}
xdotool mousemove --window "$window" "$traffic_tab_x" 109 click 1
sleep 0.5
xdotool key --window "$window" ctrl+l
xdotool mousemove --window "$window" "$own_checkbox_x" 156 click 1
sleep 0.5
id=$(curl -s -X POST -H "Content-Type: application/json" \
  -d '{"name": "John", "email": "john@example.com"}' "$BASE/people/v1/users" | sed -E 's/.*ID: ([^,]*),.*/\1/')
sleep 1.5
curl -s -o /dev/null "$BASE/people/v1/users"
sleep 2
curl -s -o /dev/null -X DELETE "$BASE/people/v1/users/$id"
sleep 1.5
curl -s -o /dev/null "$BASE/people/v1/users"
sleep 1.5
xdotool mousemove --window "$window" "$diagram_tab_x" 109 click 1
sleep 2
# Fold the users pane away: drag the divider to the left, as far as the pane lets it go.
xdotool mousemove --window "$window" "$users_divider_x" 440 mousedown 1
for x in 450 400 300 200 100 0; do sleep 0.3; xdotool mousemove --window "$window" "$x" 440; done
sleep 0.5
xdotool mouseup 1
sleep 2
# One picture at a time, with all the room: the tab's Diagram and Waterfall buttons.
xdotool mousemove --window "$window" "$show_sequence_x" 156 click 1
sleep 2
import -window root docs/restlab-diagram-light.png
xdotool mousemove --window "$window" "$show_waterfall_x" 156 click 1
sleep 2
import -window root docs/restlab-waterfall-light.png
xdotool mousemove --window "$window" "$dark_button_x" 65 click 1
sleep $((SETTLE + 2)) # a theme change restyles the whole window
import -window root docs/restlab-waterfall-dark.png
xdotool mousemove --window "$window" "$show_sequence_x" 156 click 1
sleep 2
import -window root docs/restlab-diagram-dark.png
echo "wrote docs/restlab-{light,dark,present,lab}.png and docs/restlab-{diagram,waterfall}-{light,dark}.png"
