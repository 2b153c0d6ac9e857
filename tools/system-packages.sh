#!/usr/bin/env bash
# The system packages (Debian 12 names) the build, its tests and the shipped IDE need beyond a JDK 21+.
# Each is probed by what it provides (a command or a shared library), so the check also works where the
# package came from elsewhere.
#
#   tools/system-packages.sh list                 every package with what needs it
#   tools/system-packages.sh check [GROUP...]     exit 1 with one line naming what is missing
#   tools/system-packages.sh install [GROUP...]   apt-get install what is missing (sudo when not root)
#
# Groups: display (a virtual display for the workbench tests and the product check), swt (what SWT, the
# Eclipse plug-in's tests and the IDE load), editors (real LSP clients the language server is tested with), node
# (Node.js and npm, which build and test the VS Code extension). No window manager: the workbench tests and ide-check pass
# under a bare Xvfb.
# Without a group: all of them.
set -euo pipefail

# group|package|probe|what needs it      (probe: cmd:NAME = a command on PATH, lib:SONAME = in ldconfig's cache)
PACKAGES='
display|xvfb|cmd:Xvfb|the workbench tests and the product check run under xvfb-run
display|xauth|cmd:xauth|xvfb-run needs it for the display cookie
swt|libgtk-3-0|lib:libgtk-3.so.0|SWT (Eclipse plug-in tests, the IDE product): GTK 3
swt|libxtst6|lib:libXtst.so.6|SWT posts key and mouse events (Display.post) through XTest
editors|neovim|cmd:nvim|NeovimEndToEndTest drives the language server with the LSP client of Neovim
node|nodejs|cmd:node|the VS Code extension (editors/vscode): TypeScript build, tests and .vsix (node 18 or newer)
node|npm|cmd:npm|the VS Code extension: npm ci of its pinned packages from the npm registry
'

entries() { # $@ = groups (none: all)
  local line group
  while IFS= read -r line; do
    [ -n "$line" ] || continue
    group=${line%%|*}
    if [ $# -eq 0 ] || [[ " $* " == *" $group "* ]]; then echo "$line"; fi
  done <<<"$PACKAGES"
}

present() { # $1 = probe
  case $1 in
    cmd:*) command -v "${1#cmd:}" >/dev/null 2>&1 ;;
    lib:*) /sbin/ldconfig -p 2>/dev/null | grep -F "${1#lib:} " >/dev/null ;; # no -q: with pipefail, an early exit fails the pipe
    *) return 1 ;;
  esac
}

missing() { # prints "package|provides|need" per missing entry
  local group pkg probe need
  while IFS='|' read -r group pkg probe need; do
    present "$probe" || echo "$pkg|${probe#*:}|$need"
  done < <(entries "$@")
}

cmd=${1:-check}; [ $# -gt 0 ] && shift
case $cmd in
  list)
    while IFS='|' read -r group pkg probe need; do printf '%-12s %-9s %s\n' "$pkg" "$group" "$need"; done < <(entries "$@")
    ;;
  check)
    gaps=$(missing "$@")
    if [ -n "$gaps" ]; then
      names=$(echo "$gaps" | cut -d'|' -f1 | tr '\n' ' ')
      what=$(echo "$gaps" | awk -F'|' '{ printf "%s%s (%s)", sep, $2, $3; sep = "; " }')
      echo "missing system packages: ${names% } -- not found: $what. Install: apt-get install ${names% } (or tools/system-packages.sh install)" >&2
      exit 1
    fi
    ;;
  install)
    names=$(missing "$@" | cut -d'|' -f1 | tr '\n' ' ')
    [ -n "${names// /}" ] || exit 0
    sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
    echo "installing system packages: $names"
    $sudo apt-get update -qq || true
    # shellcheck disable=SC2086
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends $names >/dev/null
    ;;
  *) echo "usage: $0 list|check|install [display|swt|editors|node]..." >&2; exit 2 ;;
esac
