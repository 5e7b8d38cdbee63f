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

# The session bus starts no keyring by itself: a daemon activated on demand would be a locked
# one, and would keep the restarted, unlocked one below from taking the name. Other services
# (the accessibility bus Chromium asks for) are still there to start.
services="$keyring_home/services"
mkdir -p "$services"
for file in /usr/share/dbus-1/services/*.service; do
  [[ -e "$file" ]] || continue
  grep -q "gnome-keyring" "$file" || cp "$file" "$services/"
done
# Debian's session bus configuration (with its limits: the default of 256 connections per user
# is reached by the tests' keychain clients), serving only the services copied above.
sed "s|<standard_session_servicedirs */>|<servicedir>$services</servicedir>|" \
  /usr/share/dbus-1/session.conf >"$keyring_home/session.conf"
grep -q "<servicedir>$services</servicedir>" "$keyring_home/session.conf" || {
  echo "with-keyring: /usr/share/dbus-1/session.conf has no <standard_session_servicedirs/> to replace" >&2
  exit 1
}

dbus-run-session --config-file="$keyring_home/session.conf" -- bash -c '
  set -euo pipefail
  export XDG_DATA_HOME="$KEYDESK_KEYRING_HOME/data" XDG_RUNTIME_DIR="$KEYDESK_KEYRING_HOME/run"
  mkdir -p "$XDG_DATA_HOME" "$XDG_RUNTIME_DIR"
  chmod 700 "$XDG_RUNTIME_DIR"
  # No display: keep libsecret from trying to autolaunch another bus or show prompts.
  unset DISPLAY WAYLAND_DISPLAY
  # gnome-keyring-daemon can abort when many short-lived clients open Secret Service sessions at
  # once (an upstream race: "gkd_secret_service_get_pkcs11_session: assertion client failed"), as
  # the CLI tests running side by side do. It is started again with the same password, which
  # unlocks the same keyring file, so one crash costs the requests in flight, not the run.
  (
    while true; do
      printf "keydesk-test" | gnome-keyring-daemon --foreground --unlock --components=secrets \
        >>"$KEYDESK_KEYRING_HOME/daemon.log" 2>&1 || true
      [[ -e "$KEYDESK_KEYRING_HOME/stop" ]] && break
      echo "with-keyring: restarted" >>"$KEYDESK_KEYRING_HOME/restarts"
      sleep 0.2
    done
  ) &
  keyring_pid=$!
  trap "touch \"$KEYDESK_KEYRING_HOME/stop\"; pkill -P $keyring_pid 2>/dev/null; wait $keyring_pid 2>/dev/null || true" EXIT
  # Wait until the Secret Service name is on the bus, so the first test does not race it.
  for _ in $(seq 100); do
    dbus-send --session --print-reply --dest=org.freedesktop.DBus / \
      org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null |
      grep -q "boolean true" && break
    sleep 0.1
  done
  status=0
  KEYDESK_INSIDE_TEST_KEYRING=1 "$@" || status=$?
  # Each crash of the keyring daemon is said here with its last words (the log goes with the folder).
  if [[ -e "$KEYDESK_KEYRING_HOME/restarts" ]]; then
    echo "with-keyring: gnome-keyring-daemon crashed and was restarted $(wc -l <"$KEYDESK_KEYRING_HOME/restarts") time(s); its log:" >&2
    grep -v "^GNOME_KEYRING_CONTROL\|^SSH_AUTH_SOCK" "$KEYDESK_KEYRING_HOME/daemon.log" | tail -n 20 >&2 || true
  fi
  exit "$status"
' with-keyring "$@"
