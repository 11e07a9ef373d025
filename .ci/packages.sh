#!/usr/bin/env bash
# CI: the ways people install and run the linter outside the editor, each from what a user gets.
#
#   1. the npm package (packages/cli): packed, installed with `npm install -g` into an empty prefix,
#      both commands run from an empty folder (every output format checked, the language server
#      driven over stdio), then through `npx --package` and a project's devDependencies;
#   2. the GitHub Action's script over the examples, installing the CLI from that tarball;
#   3. the pre-commit hooks with the real `pre-commit try-repo`: a scratch repository with a broken
#      template must fail both hooks (the fix hook fixing what it can), a clean one must pass;
#   4. the VSIX: only what should ship, under 5 MB.
#
# Needs root (or sudo) for apt-get (pre-commit, libxml2-utils), the npm registry for pre-commit's
# `npm install` of this repository, and `npm ci` done (.ci/run does it). Prints the measured sizes.
# Measured on 2 shared cores with a warm npm cache: 4 to 6 minutes, almost all of it the two pre-commit
# installs (each clones this repository and runs `npm install` and the build, as users' machines do).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

started=$SECONDS
stamp() { echo "packages.sh: $1 ($((SECONDS - started)) s)"; }
fail() {
  echo "packages.sh: FAILED: $1" >&2
  exit 1
}

# ---- Debian packages ----------------------------------------------------------------------------
packages=(pre-commit libxml2-utils git python3)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if ((${#missing[@]})); then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  stamp "installed ${missing[*]}"
fi

WORK=$(mktemp -d "${TMPDIR:-/tmp}/cognito-packages.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
VERSION=$(node -p 'require("./package.json").version')

# ---- 1. the npm package -------------------------------------------------------------------------
npm run --silent bundle
npm pack ./packages/cli --pack-destination "$WORK" --json >"$WORK/pack.json"
read -r TGZ PACKED UNPACKED COUNT < <(node -e '
  const [p] = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
  const files = p.files.map((f) => f.path).sort();
  const built = require("fs").readdirSync("dist/server").filter((f) => !f.endsWith(".map")).map((f) => "dist/" + f);
  const expected = ["LICENSE", "README.md", "package.json", ...built].sort();
  if (JSON.stringify(files) !== JSON.stringify(expected)) {
    console.error("packages.sh: the tarball holds " + files.join(", ") + "; expected " + expected.join(", "));
    process.exit(1);
  }
  console.log(process.argv[2] + "/" + p.filename, p.size, p.unpackedSize, p.entryCount);
' "$WORK/pack.json" "$WORK") || fail "the npm package holds the wrong files"
stamp "npm package $(basename "$TGZ"): $COUNT files, $PACKED bytes packed, $UNPACKED unpacked"
read -r ROOT_PACKED ROOT_COUNT < <(npm pack --dry-run --json --ignore-scripts | node -e 'const [p] = JSON.parse(require("fs").readFileSync(0, "utf8")); console.log(p.size, p.entryCount)')
stamp "root npm pack (what pre-commit installs): $ROOT_COUNT files, $ROOT_PACKED bytes packed"

PREFIX="$WORK/global"
npm install -g --prefix "$PREFIX" --no-audit --no-fund --loglevel=error "$TGZ"
INSTALLED="$PREFIX/lib/node_modules/cognito-client-lint"
[ -f "$INSTALLED/package.json" ] || fail "npm install -g did not install the package"
[ ! -e "$INSTALLED/node_modules" ] || fail "the package installed dependencies: $(ls "$INSTALLED/node_modules")"

# An empty folder with no node_modules above it, holding a copy of the examples.
EMPTY="$WORK/empty"
mkdir -p "$EMPTY"
cp -r examples "$EMPTY/examples"
# Every example file is one the CLI reads (templates, Terraform, code).
EXAMPLE_FILES=$(find examples -type f | wc -l)
export EXAMPLE_FILES
(
  cd "$EMPTY"
  export PATH="$PREFIX/bin:$PATH"
  [ "$(command -v cognito-client-lint)" = "$PREFIX/bin/cognito-client-lint" ] || fail "cognito-client-lint is not the installed one"
  [ "$(cognito-client-lint --version)" = "$VERSION" ] || fail "cognito-client-lint --version is not $VERSION"

  status=0
  cognito-client-lint examples >"$WORK/text.out" 2>"$WORK/text.err" || status=$?
  [ "$status" -eq 1 ] || fail "text: exit status $status, expected 1 (the examples hold errors)"
  grep -q '^examples/cloudformation/web-clients.yaml:[0-9]*:[0-9]* error ' "$WORK/text.out" || fail "text: no error line for web-clients.yaml"
  grep -q "errors\\?, .* in $EXAMPLE_FILES files" "$WORK/text.err" || fail "text: no summary line: $(cat "$WORK/text.err")"
  cognito-client-lint --fail-on none examples >/dev/null 2>&1 || fail "--fail-on none exited non-zero"

  cognito-client-lint --format json examples >"$WORK/out.json" || true
  node -e 'const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")); if (r.version !== 1 || r.files.length !== Number(process.env.EXAMPLE_FILES)) process.exit(1)' "$WORK/out.json" || fail "json: not the contract document"
  cognito-client-lint --format sarif examples >"$WORK/out.sarif" || true
  node -e 'const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")); if (r.version !== "2.1.0" || !r.runs[0].results.length) process.exit(1)' "$WORK/out.sarif" || fail "sarif: not a SARIF 2.1.0 log with results"
  cognito-client-lint --format github examples >"$WORK/out.github" 2>/dev/null || true
  [ -s "$WORK/out.github" ] || fail "github: no output"
  if grep -qv '^::\(error\|warning\|notice\) file=[^,:]*,line=[0-9]*,endLine=[0-9]*,col=[0-9]*,endColumn=[0-9]*,title=[a-z-]*::.' "$WORK/out.github"; then
    fail "github: a line that is not a workflow command: $(grep -v '^::' "$WORK/out.github" | head -1)"
  fi
  cognito-client-lint --format junit examples >"$WORK/out.xml" || true
  xmllint --noout "$WORK/out.xml" || fail "junit: xmllint rejects the XML"
  python3 -c '
import sys, xml.etree.ElementTree as E
root = E.parse(sys.argv[1]).getroot()
assert root.tag == "testsuites", root.tag
suites = root.findall("testsuite")
import os
assert len(suites) == int(os.environ["EXAMPLE_FILES"]), len(suites)
assert int(root.get("failures")) == len(root.findall(".//failure")) > 0
assert int(root.get("tests")) == len(root.findall(".//testcase"))
' "$WORK/out.xml" || fail "junit: the counts do not match the test cases"

  node "$ROOT/.ci/lsp-smoke.mjs" cognito-client-language-server --stdio || fail "the installed language server"
)
stamp "npm install -g: both commands run from an empty folder, all five formats checked"

mkdir -p "$WORK/npx"
[ "$(cd "$WORK/npx" && npx --yes --package="$TGZ" -- cognito-client-lint --version)" = "$VERSION" ] || fail "npx --package"
mkdir -p "$WORK/project"
(
  cd "$WORK/project"
  npm init -y >/dev/null
  npm install --save-dev --no-audit --no-fund --loglevel=error "$TGZ"
  [ "$(npx cognito-client-lint --version)" = "$VERSION" ] || fail "npx cognito-client-lint in a project"
  [ "$(node -p 'Object.keys(require("./package-lock.json").packages).filter(Boolean).length')" = 1 ] || fail "the project got more than one package"
)
stamp "npx --package, and a project devDependency run with npx"

# ---- 2. the GitHub Action's script, installing the CLI from the tarball -------------------------
for mode in annotations sarif; do
  run="$WORK/action-$mode"
  mkdir -p "$run/temp"
  : >"$run/output"
  status=0
  (
    cd "$EMPTY"
    env -i PATH="$PATH" HOME="$HOME" GITHUB_ACTION_PATH="$ROOT" RUNNER_TEMP="$run/temp" GITHUB_OUTPUT="$run/output" \
      GITHUB_STEP_SUMMARY="$run/summary" INPUT_PATHS="examples" INPUT_FAIL_ON="warning" \
      INPUT_UPLOAD_SARIF="$([ "$mode" = sarif ] && echo true || echo false)" INPUT_VERSION="$TGZ" \
      node "$ROOT/action/lint.mjs" >"$run/stdout" 2>"$run/stderr"
  ) || status=$?
  [ "$status" -eq 0 ] || fail "action ($mode): exit status $status: $(cat "$run/stderr")"
  [ -x "$run/temp/cognito-client-lint/node_modules/.bin/cognito-client-lint" ] || fail "action ($mode): the CLI was not installed from the tarball"
  grep -qx 'failed=true' "$run/output" || fail "action ($mode): failed is not true: $(cat "$run/output")"
  grep -qx 'errors=[1-9][0-9]*' "$run/output" || fail "action ($mode): no errors counted"
  if [ "$mode" = sarif ]; then
    grep -qx "sarif-file=$run/temp/cognito-client-lint.sarif" "$run/output" || fail "action (sarif): sarif-file output"
    node -e 'if (JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")).version !== "2.1.0") process.exit(1)' "$run/temp/cognito-client-lint.sarif" || fail "action (sarif): the file is not SARIF"
    [ ! -s "$run/stdout" ] || fail "action (sarif): printed annotations too"
  else
    grep -q '^::error file=examples/' "$run/stdout" || fail "action (annotations): no error annotation"
    grep -qx 'sarif-file=' "$run/output" || fail "action (annotations): a sarif-file output"
  fi
done
stamp "the Action's script: annotations and SARIF, the CLI installed from the tarball"

# ---- 3. pre-commit --------------------------------------------------------------------------------
# try-repo clones this repository (with uncommitted changes, when there are any) and installs the
# hooks as users get them: npm install (which builds), npm pack, npm install -g of the tarball.
HOOK_REPO="$ROOT"
if ! git -C "$ROOT" rev-parse --is-inside-work-tree >/dev/null 2>&1; then
  # Not a git checkout (an exported tree): commit a copy, as pre-commit needs a repository.
  HOOK_REPO="$WORK/hook-repo"
  mkdir -p "$HOOK_REPO"
  tar -C "$ROOT" --exclude=./node_modules --exclude=./dist --exclude=./out --exclude=./test-artifacts --exclude=./.vscode-test --exclude='*.vsix' -cf - . | tar -C "$HOOK_REPO" -xf -
  git -C "$HOOK_REPO" init -q
  git -C "$HOOK_REPO" add -A
  git -C "$HOOK_REPO" -c user.name=ci -c user.email=ci@localhost commit -qm snapshot
fi
export PRE_COMMIT_HOME="$WORK/pre-commit-home"
SCRATCH="$WORK/scratch"
mkdir -p "$SCRATCH"
cp examples/cloudformation/secure-spa.yaml "$SCRATCH/clean.yaml"
# Two errors: ClientId is output-only (read-only-property, whose fix removes the line) and
# client_credentials beside code (client-credentials-exclusive, two possible fixes, so --fix leaves it).
sed -e 's/^      ClientName: spa$/&\n      ClientId: 1example23456789/' -e 's/^      AllowedOAuthFlows: \[code\]$/      AllowedOAuthFlows: [code, client_credentials]/' \
  "$SCRATCH/clean.yaml" >"$SCRATCH/broken.yaml"
grep -q ClientId "$SCRATCH/broken.yaml" && grep -q 'code, client_credentials' "$SCRATCH/broken.yaml" || fail "could not make the broken template"
printf 'export const answer = 42;\n' >"$SCRATCH/app.ts"
printf 'resource "aws_s3_bucket" "b" {}\n' >"$SCRATCH/main.tf"
printf '{"name": "scratch"}\n' >"$SCRATCH/package.json"
(
  cd "$SCRATCH"
  git init -q
  git add -A
  git -c user.name=ci -c user.email=ci@localhost commit -qm broken
  status=0
  # Both hooks, in the order try-repo runs them (by id): cognito-client-fix, then cognito-client-lint.
  pre-commit try-repo "$HOOK_REPO" --all-files >"$WORK/pre-commit-broken.log" 2>&1 || status=$?
  [ "$status" -ne 0 ] || fail "pre-commit passed on a broken template: $(cat "$WORK/pre-commit-broken.log")"
  grep -q '^cognito-client-lint --fix\.*Failed' "$WORK/pre-commit-broken.log" || fail "the fix hook did not fail: $(tail -30 "$WORK/pre-commit-broken.log")"
  grep -q 'files were modified by this hook' "$WORK/pre-commit-broken.log" || fail "the fix hook changed nothing"
  ! grep -q ClientId broken.yaml || fail "the fix hook did not remove ClientId"
  grep -q '^cognito-client-lint\.*Failed' "$WORK/pre-commit-broken.log" || fail "the lint hook did not fail: $(tail -30 "$WORK/pre-commit-broken.log")"
  grep -q 'broken.yaml:[0-9]*:[0-9]* error client-credentials-exclusive' "$WORK/pre-commit-broken.log" || fail "the lint hook did not report client-credentials-exclusive"
  cp clean.yaml broken.yaml
  git add -A
  git -c user.name=ci -c user.email=ci@localhost commit -qm fixed
  pre-commit try-repo "$HOOK_REPO" --all-files >"$WORK/pre-commit-clean.log" 2>&1 || fail "pre-commit failed on clean templates: $(tail -30 "$WORK/pre-commit-clean.log")"
  grep -q '^cognito-client-lint\.*Passed' "$WORK/pre-commit-clean.log" || fail "the lint hook did not pass: $(cat "$WORK/pre-commit-clean.log")"
  grep -q '^cognito-client-lint --fix\.*Passed' "$WORK/pre-commit-clean.log" || fail "the fix hook did not pass: $(cat "$WORK/pre-commit-clean.log")"
)
stamp "pre-commit $(pre-commit --version | cut -d' ' -f2) try-repo: a broken template failed both hooks (the fixable error fixed), clean templates passed"

# ---- 4. the VSIX ------------------------------------------------------------------------------------
npx --no-install vsce package --no-dependencies --out "$WORK/extension.vsix" >/dev/null
VSIX_SIZE=$(stat -c %s "$WORK/extension.vsix")
[ "$VSIX_SIZE" -lt $((5 * 1024 * 1024)) ] || fail "the VSIX is $VSIX_SIZE bytes, over 5 MB"
VSIX_FILES=$(python3 -c '
import re, sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
names = z.namelist()
readme = open("README.md", encoding="utf-8").read()
for src in re.findall(r"!\[[^\]]*\]\(([^)\s]+)", readme):
    if not re.match(r"[a-z]+:", src) and "extension/" + src.lstrip("./") not in names:
        sys.exit("README image " + src + " is not in the VSIX")
print(len(names))
' "$WORK/extension.vsix") || fail "the VSIX misses a README image"
stamp "VSIX: $VSIX_FILES files, $VSIX_SIZE bytes"

echo "packages.sh: all passed in $((SECONDS - started)) s"
