#!/bin/sh
# Prints the home of the newest JDK on this machine that can make an app image (it has jlink and
# jpackage), looking at the JDK given as $1 (the one Maven runs on), $JAVA_HOME and the usual
# install folders of Linux, macOS and SDKMAN. mvn -Pdist builds the image's runtime from it: a
# newer runtime starts the window sooner (see BENCHMARKS.md) while the code stays Java 17
# (--release 17). Prints $1 when nothing newer is found. Each JDK's version is read from its
# `release` file, so nothing is started.
set -eu

feature() { # the feature number (17, 21, 25) of the JDK in $1, or 0
  version=$(sed -n 's/^JAVA_VERSION="\([0-9][0-9]*\).*$/\1/p' "$1/release" 2>/dev/null || true)
  echo "${version:-0}"
}

best=$1
best_feature=$(feature "$best")
for home in "${JAVA_HOME:-}" /usr/lib/jvm/* /usr/java/* /opt/java/* /opt/jdk* \
    /Library/Java/JavaVirtualMachines/*/Contents/Home "$HOME"/.sdkman/candidates/java/*; do
  [ -n "$home" ] && [ -x "$home/bin/jlink" ] && [ -x "$home/bin/jpackage" ] || continue
  candidate=$(feature "$home")
  if [ "$candidate" -gt "$best_feature" ]; then
    best=$home
    best_feature=$candidate
  fi
done
echo "$best"
