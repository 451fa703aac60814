#!/usr/bin/env bash
# Brings resources/translations/isleview_*.ts in step with the sources (lupdate: new strings are added unfinished,
# strings the sources lost are dropped, finished translations are kept), then lists what is left to
# translate: open the .ts in Qt Linguist (`linguist resources/translations/isleview_ja.ts`) or edit the XML, and run
# this again until it reports nothing. The build turns the .ts into .qm files.
#
#   tools/translations.sh          update and list
#   tools/translations.sh --check  only check (what the ctest test `translations` runs)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

bins=$(qtpaths6 --query QT_HOST_BINS 2>/dev/null || echo /usr/lib/qt6/bin)
LUPDATE=${LUPDATE:-$bins/lupdate}
[ -x "$LUPDATE" ] || { echo "lupdate not found (Debian: apt-get install qt6-l10n-tools)" >&2; exit 1; }

if [ "${1:-}" != "--check" ]; then
  for ts in resources/translations/isleview_*.ts; do
    "$LUPDATE" -silent -locations none -no-obsolete app -ts "$ts"
  done
fi
exec python3 tools/check_translations.py --lupdate "$LUPDATE" resources/translations/isleview_*.ts
