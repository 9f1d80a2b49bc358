#!/usr/bin/env bash
# Starts a private Dovecot IMAP server for the tests (tests/support/imapServer.ts)
# and prints ONE line on stdout: "TEST_IMAP_HOST=127.0.0.1 TEST_IMAP_PORT=N".
# CI starts one shared instance (.ci/run); a test run without TEST_IMAP_HOST
# starts its own through this script, so the configuration lives only here.
#
#   scripts/start-test-imap.sh [DIR]
#
# Everything is in DIR (default: a new temporary directory): the configuration,
# base_dir, state_dir, the log and the users' maildirs. 127.0.0.1 only, on a
# free port; no TLS, plain-text login; ANY user name logs in with the password
# "test" (static passdb), so each test takes a fresh user and its own mailbox.
# It never touches /etc/dovecot, /run/dovecot or the system instance the
# package may have started (port 143), so that one does not matter.
# Running it again on a DIR whose Dovecot is up reuses that instance.
# Stop: kill "$(cat DIR/run/master.pid)" (or: dovecot -c DIR/dovecot.conf stop).
set -euo pipefail

DOVECOT="${DOVECOT:-/usr/sbin/dovecot}"
PASSWORD=test
if [ ! -x "$DOVECOT" ]; then
  echo "start-test-imap: no Dovecot at $DOVECOT (Debian: apt-get install dovecot-imapd)" >&2
  exit 1
fi

dir="${1:-$(mktemp -d "${TMPDIR:-/tmp}/ror-test-imap.XXXXXX")}"
mkdir -p "$dir"
dir="$(cd "$dir" && pwd)"

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

running_port() {
  [ -f "$dir/port" ] && [ -f "$dir/run/master.pid" ] || return 1
  kill -0 "$(cat "$dir/run/master.pid")" 2>/dev/null || return 1
  port_open "$(cat "$dir/port")" || return 1
  cat "$dir/port"
}

if port="$(running_port)"; then
  echo "start-test-imap: Dovecot in $dir is running already" >&2
  echo "TEST_IMAP_HOST=127.0.0.1 TEST_IMAP_PORT=$port"
  exit 0
fi

# Root: Dovecot's own unprivileged users for the login and internal processes, and
# nobody for the mail. Anyone else: everything as that user (a rootless Dovecot).
if [ "$(id -u)" = 0 ]; then
  login_user=dovenull
  internal_user=dovecot
  mail_uid="$(id -u nobody)"
  mail_gid="$(id -g nobody)"
  rootless=''
else
  login_user="$(id -un)"
  internal_user="$(id -un)"
  mail_uid="$(id -u)"
  mail_gid="$(id -g)"
  rootless="
default_internal_group = $(id -gn)
service imap-login {
  chroot =
}
service anvil {
  chroot =
}
service auth-worker {
  user = \$default_internal_user
}"
fi

mkdir -p "$dir/run" "$dir/state" "$dir/home"
chmod 755 "$dir"
chown "$mail_uid:$mail_gid" "$dir/home"

free_port() {
  node -e "const s = require('net').createServer().listen(0, '127.0.0.1', () => { process.stdout.write(String(s.address().port) + '\n'); s.close(); });"
}

# A free port can be taken between the look and Dovecot's bind: a few tries.
for attempt in 1 2 3 4 5; do
  port="$(free_port)"
  cat > "$dir/dovecot.conf" <<EOF
# Written by scripts/start-test-imap.sh: a private Dovecot for the tests only.
instance_name = ror-test-imap
base_dir = $dir/run
state_dir = $dir/state
log_path = $dir/dovecot.log
listen = 127.0.0.1
protocols = imap
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
# A test's wrong password is answered at once, and never slows down the next test's login.
auth_failure_delay = 0 secs
login_trusted_networks = 127.0.0.0/8
first_valid_uid = 1
default_login_user = $login_user
default_internal_user = $internal_user
mail_location = maildir:~/Maildir
# IDLE reports a new message within a second (the default checks every 30 s without inotify).
mailbox_idle_check_interval = 1 secs
namespace inbox {
  inbox = yes
  separator = /
}
passdb {
  driver = static
  args = password=$PASSWORD
}
userdb {
  driver = static
  args = uid=$mail_uid gid=$mail_gid home=$dir/home/%u
}
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = $port
  }
  inet_listener imaps {
    port = 0
  }
}$rootless
EOF
  if "$DOVECOT" -c "$dir/dovecot.conf" 2>>"$dir/start.log"; then
    for _ in $(seq 1 100); do
      if port_open "$port"; then
        echo "$port" > "$dir/port"
        echo "start-test-imap: Dovecot on 127.0.0.1:$port, files in $dir" >&2
        echo "TEST_IMAP_HOST=127.0.0.1 TEST_IMAP_PORT=$port"
        exit 0
      fi
      [ -f "$dir/run/master.pid" ] && ! kill -0 "$(cat "$dir/run/master.pid")" 2>/dev/null && break
      sleep 0.1
    done
  fi
  # Not up: stop whatever started and try another port.
  if [ -f "$dir/run/master.pid" ]; then kill "$(cat "$dir/run/master.pid")" 2>/dev/null || true; fi
  sleep 0.2
done

echo "start-test-imap: Dovecot did not start; its output:" >&2
tail -n 20 "$dir/start.log" "$dir/dovecot.log" >&2 2>/dev/null || true
exit 1
