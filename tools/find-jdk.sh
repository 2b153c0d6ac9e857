#!/usr/bin/env bash
# Prints the home of a JDK 21+ : $JAVA_HOME if it is one, else the default `java`, else one under
# /usr/lib/jvm or /opt. Exits 1 with nothing printed when there is none.
major_of() { # $1 = path to a java binary
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p' | head -n1 | cut -d. -f1
}
ok() { [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ] && m=$(major_of "$1/bin/java") && [ -n "$m" ] && [ "$m" -ge 21 ]; }
if [ -n "${JAVA_HOME:-}" ] && ok "$JAVA_HOME"; then echo "$JAVA_HOME"; exit 0; fi
if command -v java >/dev/null 2>&1; then
  h=$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")
  if ok "$h"; then echo "$h"; exit 0; fi
fi
for h in /usr/lib/jvm/* /opt/*jdk* /opt/java/*; do
  [ -d "$h" ] && ok "$h" && { echo "$h"; exit 0; }
done
exit 1
