#!/usr/bin/env bash
# Remakes the README's pictures of the real window (docs/restlab-*.png): the handout's curl session
# against a fresh RestLab, then the main window in the light and the dark theme, presentation mode,
# the Check a server tab on the handout's own Flask program, the Diagram tab's two pictures in both
# themes, a faulted conversation in the diagram (1024×768, dark, large text) and the Lab tab. The
# program that takes them, dev.restlab.ui.window.ReadmePictures (test code: it ships nowhere),
# chooses tabs, rows, theme and text size through the window's own nodes by their ids and writes
# each scene as it is drawn; JavaFX runs headless (Monocle), so no display, X server or window
# manager is needed (text is drawn as on a real display: checked pixel for pixel
# against the window under Xvfb).
#
# Needs: a JDK 17+, Maven, curl, and python3 with Flask (apt-get install -y curl python3-flask).
# PORT=5001 docs/screenshots.sh shows the handout's port in the pictures (default 5262; 0 = any free).
# Uses optipng, where installed, to make the files smaller without changing a pixel.
set -euo pipefail
cd "$(dirname "$0")/.."

PORT=${PORT:-5262}
classpath=target/screenshots.classpath
mvn -B -q ${MAVEN_OFFLINE:+-o} test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile="$classpath"

java -Dglass.platform=Monocle -Dmonocle.platform=Headless -Dmonocle.headless.geometry=1280x800-32 \
  -Dprism.order=sw -Djava.awt.headless=true \
  -cp "target/test-classes:target/classes:$(cat "$classpath")" \
  dev.restlab.ui.window.ReadmePictures docs "$PORT"

if command -v optipng >/dev/null 2>&1; then
  optipng -quiet -o2 docs/restlab-*.png
fi
