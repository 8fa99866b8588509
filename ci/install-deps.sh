#!/usr/bin/env bash
# Installs what the suite needs on a fresh Debian machine: a JDK 17 and Maven (usually
# present already), the browser the trace-viewer tests drive, and npm, which installs the
# workflow linter the tests run on ci/github/model-check.yml (into target/, on first use).
# Maven dependencies come from Maven Central during the build.  Idempotent: does nothing that is already there.
set -euo pipefail
need=()
command -v java >/dev/null 2>&1 || need+=(openjdk-17-jdk-headless)
command -v mvn >/dev/null 2>&1 || need+=(maven)
command -v make >/dev/null 2>&1 || need+=(make)
# The trace viewer's browser test drives Debian's Chromium through its ChromeDriver; Selenium
# is told both paths and never downloads a browser or a driver of its own.
[ -x /usr/bin/chromium ] || need+=(chromium)
[ -x /usr/bin/chromedriver ] || need+=(chromium-driver)
command -v npm >/dev/null 2>&1 || need+=(npm)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "install-deps: missing ${need[*]} and not root: install them and run again" >&2
    exit 1
  fi
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi
# sed reads its whole input: head would exit after one line, and under pipefail the writer's
# SIGPIPE (mvn -v prints several) would fail the script at random
java -version 2>&1 | sed -n 1p
mvn -v 2>/dev/null | sed -n 1p
/usr/bin/chromium --version 2>/dev/null | sed -n 1p
echo "npm $(npm --version 2>/dev/null)"
