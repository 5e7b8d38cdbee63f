#!/usr/bin/env bash
# Runs a command inside its own D-Bus session with a fresh, unlocked gnome-keyring, so tests use a
# real Secret Service without touching the user's own keyring; both are stopped afterwards.
set -euo pipefail

if [[ "${KEYDESK_INSIDE_TEST_KEYRING:-}" == 1 ]]; then
  exec "$@"
fi

for tool in dbus-run-session gnome-keyring-daemon; do
  if ! command -v "$tool" >/dev/null; then
    echo "with-keyring: $tool is missing; install the Debian packages dbus and gnome-keyring (see README)." >&2
    exit 1
  fi
done

keyring_home="$(mktemp -d -t keydesk-keyring.XXXXXX)"
trap 'rm -rf "$keyring_home"' EXIT
export KEYDESK_KEYRING_HOME="$keyring_home"

dbus-run-session -- bash -c '
  set -euo pipefail
  export XDG_DATA_HOME="$KEYDESK_KEYRING_HOME/data" XDG_RUNTIME_DIR="$KEYDESK_KEYRING_HOME/run"
  mkdir -p "$XDG_DATA_HOME" "$XDG_RUNTIME_DIR"
  chmod 700 "$XDG_RUNTIME_DIR"
  # No display: keep libsecret from trying to autolaunch another bus or show prompts.
  unset DISPLAY WAYLAND_DISPLAY
  printf "keydesk-test" | gnome-keyring-daemon --foreground --unlock --components=secrets \
    >"$KEYDESK_KEYRING_HOME/daemon.log" 2>&1 &
  keyring_pid=$!
  trap "kill $keyring_pid 2>/dev/null; wait $keyring_pid 2>/dev/null || true" EXIT
  # Wait until the Secret Service name is on the bus, so the first test does not race it.
  for _ in $(seq 100); do
    dbus-send --session --print-reply --dest=org.freedesktop.DBus / \
      org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null |
      grep -q "boolean true" && break
    sleep 0.1
  done
  KEYDESK_INSIDE_TEST_KEYRING=1 "$@"
' with-keyring "$@"
