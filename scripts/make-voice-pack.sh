#!/usr/bin/env bash
# Generates the placeholder voice pack in resources/voice/ (or the folder given as $1):
# one short Ogg/Vorbis clip per token, and a manifest.json per language mapping tokens to files.
#
# The clips are synthesized with espeak-ng, so they sound robotic: they exist so that a
# hall has a working calling voice on day one and so the tests have real files to serve.
# A hall that wants a better voice records the same tokens (see docs/voice.md), drops the
# files and a manifest.json into a folder and starts the hall server with --voice-pack DIR.
#
# Needs: espeak-ng (Mandarin voice cmn-latn-pinyin) and sox with Ogg/Vorbis
# (Debian: apt-get install -y espeak-ng sox libsox-fmt-all). Re-running overwrites the pack.
set -euo pipefail

out="${1:-$(cd "$(dirname "$0")/.." && pwd)/resources/voice}"
rate=22050
# Vorbis quality 1 is plenty for a speaking voice through a hall's loudspeakers and
# keeps the committed pack small.
quality=1

for tool in espeak-ng sox; do
  command -v "$tool" >/dev/null || { echo "make-voice-pack: $tool is not installed" >&2; exit 1; }
done

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# clip VOICE SPEED TEXT FILE: synthesize, resample to mono $rate, cut the leading and
# trailing silence (the planner strings clips back to back, so padding would read as
# stutter), keep 40 ms of air at the end, normalize, encode.
clip() {
  local voice="$1" speed="$2" text="$3" file="$4"
  espeak-ng -v "$voice" -s "$speed" -w "$work/raw.wav" "$text"
  sox "$work/raw.wav" -r "$rate" -c 1 "$work/trim.wav" \
    silence 1 0.01 0.5% reverse silence 1 0.01 0.5% reverse pad 0 0.04 norm -3
  sox "$work/trim.wav" -C "$quality" "$file"
}

# pack LANG VOICE SPEED < "token<TAB>spoken text<TAB>file name" lines
pack() {
  local lang="$1" voice="$2" speed="$3" dir="$out/$1" first=1 token text file
  rm -rf "$dir"
  mkdir -p "$dir"
  {
    printf '{\n  "language": "%s",\n  "format": "audio/ogg",\n  "tokens": {\n' "$lang"
    while IFS=$'\t' read -r token text file; do
      [[ -z "$token" || "$token" == \#* ]] && continue
      clip "$voice" "$speed" "$text" "$dir/$file"
      if [[ $first -eq 0 ]]; then printf ',\n'; fi
      first=0
      printf '    "%s": "%s"' "$token" "$file"
    done
    printf '\n  }\n}\n'
  } >"$work/manifest.json"
  mv "$work/manifest.json" "$dir/manifest.json"
  echo "$dir: $(ls "$dir" | wc -l) files, $(du -sh "$dir" | cut -f1)"
}

letters=(A B C D E F G H I J K L M N O P Q R S T U V W X Y Z)

# Mandarin: the phrases of resources/locales/zh-CN/voice.json, ticket digits read one by
# one (零 for 0), and 十/百 to build counter numbers as Chinese numerals (12 = 十 二).
{
  printf '%s\t%s\t%s\n' '请' '请' 'qing.ogg' '号到' '号到' 'hao-dao.ogg' '号窗口' '号窗口' 'hao-chuang-kou.ogg' \
    '办理' '办理' 'ban-li.ogg' '再次呼叫' '再次呼叫' 'zai-ci-hu-jiao.ogg' '10' '十' 'shi.ogg' 'hundred' '百' 'bai.ogg'
  zh_digits=(零 一 二 三 四 五 六 七 八 九)
  for d in 0 1 2 3 4 5 6 7 8 9; do printf '%s\t%s\t%s\n' "$d" "${zh_digits[$d]}" "digit-$d.ogg"; done
  # Letters as Chinese speakers say them; the Mandarin voice reads a Latin letter so.
  for l in "${letters[@]}"; do printf '%s\t%s\t%s\n' "$l" "$l" "letter-$l.ogg"; done
} | pack zh-CN cmn-latn-pinyin 140

# English: the phrases of resources/locales/en-US/voice.json, digits, the words for
# 10–19 and the tens, and "hundred" (window 12 = "twelve", 45 = "forty" "five").
{
  printf '%s\t%s\t%s\n' 'ticket' 'Ticket' 'ticket.ogg' 'please-go-to-window' 'please go to window' 'please-go-to-window.ogg' \
    'calling-again' 'Calling again.' 'calling-again.ogg' 'hundred' 'hundred' 'hundred.ogg'
  en_numbers=(zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen)
  for n in $(seq 0 19); do printf '%s\t%s\t%s\n' "$n" "${en_numbers[$n]}" "number-$n.ogg"; done
  en_tens=(_ _ twenty thirty forty fifty sixty seventy eighty ninety)
  for t in 2 3 4 5 6 7 8 9; do printf '%s\t%s\t%s\n' "${t}0" "${en_tens[$t]}" "number-${t}0.ogg"; done
  for l in "${letters[@]}"; do printf '%s\t%s\t%s\n' "$l" "$l" "letter-$l.ogg"; done
} | pack en-US en-us 150
